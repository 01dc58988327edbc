using Lishui.Contracts.Pairing;
using Lishui.Notification.Data;
using Lishui.Notification.Delivery;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Messaging;

namespace Lishui.Notification.Messaging.Triggers;

/// <summary>The Tuesday study reminder to everyone expected. The hour-before one is urgent (not held by quiet hours, not digested).</summary>
public sealed class StudySessionReminderDueConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<StudySessionReminderDue, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(StudySessionReminderDue message, CancellationToken ct)
    {
        var hourBefore = message.Lead == "HourBefore";
        var plan = new MessagePlan(NotificationKind.StudySessionReminder,
            new Dictionary<string, string>
            {
                ["startsAt"] = MessageValues.Time(message.StartsAt),
                ["place"] = message.Place,
                ["topic"] = string.IsNullOrWhiteSpace(message.Topic) ? "第一议题" : message.Topic,
            },
            Urgent: hourBefore, Digestible: !hourBefore);
        foreach (var member in message.ExpectedMemberIds.Distinct())
        {
            await planner.ToMemberAsync(message, plan, member, ct);
        }
    }
}

/// <summary>The stationed leader's reminder before a stationing visit.</summary>
public sealed class StationingVisitReminderDueConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<StationingVisitReminderDue, NotificationDbContext>(db)
{
    protected override Task HandleAsync(StationingVisitReminderDue message, CancellationToken ct) =>
        planner.ToMemberAsync(message,
            new MessagePlan(NotificationKind.StationingVisitReminder,
                new Dictionary<string, string> { ["startsAt"] = MessageValues.Time(message.StartsAt), ["place"] = message.Place },
                Digestible: true),
            message.LeaderMemberId, ct);
}

/// <summary>A missed pairing contact: both paired members, and the secretaries of both their organisations.</summary>
public sealed class ContactOverdueConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<ContactOverdue, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(ContactOverdue message, CancellationToken ct)
    {
        var dueOn = new Dictionary<string, string> { ["dueOn"] = MessageValues.Date(message.DueOn) };
        await planner.ToMemberAsync(message, new MessagePlan(NotificationKind.ContactOverdue, dueOn, new Dictionary<string, Guid> { ["partner"] = message.VillageMemberId }, Digestible: true), message.OrganMemberId, ct);
        await planner.ToMemberAsync(message, new MessagePlan(NotificationKind.ContactOverdue, dueOn, new Dictionary<string, Guid> { ["partner"] = message.OrganMemberId }, Digestible: true), message.VillageMemberId, ct);
        var forSecretaries = new MessagePlan(NotificationKind.ContactOverdueSecretary, dueOn,
            new Dictionary<string, Guid> { ["organMember"] = message.OrganMemberId, ["villageMember"] = message.VillageMemberId }, Digestible: true);
        planner.ToAudience(message, forSecretaries, Audience.Secretary, null, message.OrganMemberId);
        planner.ToAudience(message, forSecretaries, Audience.Secretary, null, message.VillageMemberId);
    }
}
