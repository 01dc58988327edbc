using System.Collections.Concurrent;
using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Contracts.Membership;
using Lishui.Contracts.Pairing;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Tests;

/// <summary>Events as the other services publish them, and waits on what Notification makes of them.</summary>
public static class DeliveryScenario
{
    public static readonly Guid Hefeng = Guid.CreateVersion7();

    /// <summary>
    /// A member of <paramref name="organisation"/> (Hefeng when not given). Hosts of tests running at the same
    /// time receive each other's events, so a test about who holds an office gives it its own organisation.
    /// </summary>
    public static MemberRegistered Registered(Guid member, string name, DateTimeOffset at, Guid? organisation = null) =>
        new MemberRegistered { MemberId = member, Name = name, Status = MemberStatus.Full, JoinedOn = new DateOnly(2015, 7, 1) }.About(member, organisation ?? Hefeng, 1, at);

    public static OrganisationalTalkRequired TalkRequired(Guid member, DateTimeOffset at) =>
        new OrganisationalTalkRequired { MemberId = member, SchemeId = Guid.CreateVersion7(), NoticeId = Guid.CreateVersion7(), Year = 2026, DueOn = new DateOnly(2027, 1, 31) }
            .About(Guid.CreateVersion7(), Hefeng, 1, at);

    public static StudySessionReminderDue StudyReminder(Guid member, string lead, DateTimeOffset at) =>
        new StudySessionReminderDue
        {
            SessionId = Guid.CreateVersion7(), PairingId = Guid.CreateVersion7(), OrganBranchId = Guid.CreateVersion7(), VillageCommitteeId = Hefeng,
            StartsAt = at.AddHours(lead == "HourBefore" ? 1 : 12), Place = "鹤峰村党群服务中心", Topic = "学习贯彻党的二十届四中全会精神", Lead = lead,
            ExpectedMemberIds = [member],
        }.About(Guid.CreateVersion7(), Hefeng, 1, at);

    public static StationingVisitReminderDue StationingReminder(Guid leader, DateTimeOffset at) =>
        new StationingVisitReminderDue { StationingVisitId = Guid.CreateVersion7(), LeaderMemberId = leader, VillageCommitteeId = Hefeng, StartsAt = at.AddHours(4), Place = "鹤峰村委会" }
            .About(Guid.CreateVersion7(), Hefeng, 1, at);

    public static Task MemberKnownAsync(NotificationHost host, Guid member) =>
        Eventually.MatchAsync(() => host.WithDbAsync(db => db.Set<LocalMember>().AnyAsync(m => m.MemberId == member)), known => known, because: "MemberRegistered consumed");

    public static Task<List<Dispatch>> DispatchesAsync(NotificationHost host, Guid sourceEventId, int atLeast = 1) =>
        Eventually.MatchAsync(() => host.WithDbAsync(db => db.Dispatches.AsNoTracking().Where(d => d.SourceEventId == sourceEventId).ToListAsync()), d => d.Count >= atLeast,
            because: "the event became dispatches");

    public static Task<List<DeliveryLogEntry>> LogAsync(NotificationHost host, Guid sourceEventId) =>
        host.WithDbAsync(db => db.DeliveryLog.AsNoTracking().Where(e => e.SourceEventId == sourceEventId).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync());
}

/// <summary>Counts how often each event was consumed (duplicates included), to know a redelivery has been handled.</summary>
public sealed class ConsumedCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> counts = new();

    public int Count(Guid eventId) => counts.GetValueOrDefault(eventId);

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is IntegrationEvent e)
        {
            counts.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
