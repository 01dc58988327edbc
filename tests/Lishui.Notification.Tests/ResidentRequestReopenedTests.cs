using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Contracts.PracticalProjects;
using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Lishui.Notification.Tests.DeliveryScenario;

namespace Lishui.Notification.Tests;

/// <summary>
/// "答复了但没解决": when a resident reopens their request, the secretary of the village it concerns is told,
/// with the reference number and the resident's reason. Real PostgreSQL and RabbitMQ.
/// </summary>
public sealed class ResidentRequestReopenedTests
{
    [Fact]
    public async Task The_villages_secretary_is_told_that_a_resident_reopened_a_request_and_why()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero)); // 10:00 in Lishui
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?>(), clock);
        var secretary = Guid.CreateVersion7();
        var member = Guid.CreateVersion7();
        var village = Guid.CreateVersion7();
        await host.PublishAsync(Registered(secretary, "何丽珍", clock.GetUtcNow(), village));
        await host.PublishAsync(Registered(member, "梁文辉", clock.GetUtcNow(), village));
        await host.PublishAsync(new MemberRoleAssigned { MemberId = secretary, Role = LocalRole.Secretary, AssignedOn = new DateOnly(2026, 1, 5) }
            .About(secretary, village, 2, clock.GetUtcNow()));
        await Eventually.MatchAsync(() => host.WithDbAsync(db => db.Set<LocalRole>().AnyAsync(r => r.MemberId == secretary && r.Active)), known => known,
            because: "the secretary's role was consumed");
        await MemberKnownAsync(host, member);

        var reopened = new ResidentRequestReopened
        {
            RequestId = Guid.CreateVersion7(), ReferenceNumber = "MS2026-00042", PreviousStatus = "Answered", ProjectId = null,
            Reason = "雨棚装了但太短，下雨时孩子还是淋雨", ReopenedOn = new DateOnly(2026, 11, 24), Reopenings = 1,
        }.About(Guid.CreateVersion7(), village, 4, clock.GetUtcNow());
        await host.PublishAsync(reopened);
        await DispatchesAsync(host, reopened.EventId);
        await host.DispatchAsync();

        var inbox = await Eventually.MatchAsync(
            () => host.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.ResidentRequestReopened).ToListAsync()),
            n => n.Count > 0, because: "the secretary's message was delivered");
        var message = Assert.Single(inbox);
        Assert.Equal(secretary, message.RecipientId);
        Assert.Equal("群众反映诉求未解决", message.Title);
        Assert.Equal("何丽珍同志：编号MS2026-00042的群众诉求，群众于2026-11-24反映答复或项目未能解决问题：雨棚装了但太短，下雨时孩子还是淋雨。该诉求已重新办理，请尽快跟进。", message.Body);
        Assert.Contains(await host.WithDbAsync(db => db.Dispatches.AsNoTracking().Where(d => d.SourceEventId == reopened.EventId).ToListAsync()),
            d => d.Audience == Audience.Secretary && d.AudienceOrganisationId == village);
    }
}
