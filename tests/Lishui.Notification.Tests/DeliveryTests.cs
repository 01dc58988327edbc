using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Lishui.Notification.Tests.DeliveryScenario;

namespace Lishui.Notification.Tests;

/// <summary>
/// Triggers, quiet hours, digests and parking on real PostgreSQL and RabbitMQ, with the service's
/// clock in the test's hand (a FakeTimeProvider): events go over the broker, the dispatcher runs.
/// </summary>
public sealed class DeliveryTests
{
    // Tuesday 24 November 2026, 10:00 in Lishui (UTC+8).
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_duplicated_event_produces_one_notification()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?> { ["Notification:Delivery:DigestWindow"] = "00:00:00" }, clock);
        var consumed = new ConsumedCounter();
        host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        var leader = Guid.CreateVersion7();
        await host.PublishAsync(Registered(leader, "何振华", clock.GetUtcNow()));
        await MemberKnownAsync(host, leader);

        var reminder = StationingReminder(leader, clock.GetUtcNow());
        await host.PublishAsync(reminder);
        await host.PublishAsync(reminder);
        await Eventually.MatchAsync(() => Task.FromResult(consumed.Count(reminder.EventId)), n => n == 2, because: "both copies consumed");
        await host.DispatchAsync();
        await host.DispatchAsync();

        var inbox = await host.WithDbAsync(db => db.Notifications.Where(n => n.RecipientId == leader && n.Kind == NotificationKind.StationingVisitReminder).ToListAsync());
        var single = Assert.Single(inbox);
        Assert.Equal("驻点接访提醒", single.Title);
        Assert.Contains("何振华同志", single.Body);
        Assert.Single(await host.WithDbAsync(db => db.Dispatches.Where(d => d.SourceEventId == reminder.EventId).ToListAsync()));
    }

    [Fact]
    public async Task Quiet_hours_hold_a_non_urgent_message_until_seven_but_not_an_urgent_one()
    {
        var lateEvening = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero); // 23:00 in Lishui
        var clock = new FakeTimeProvider(lateEvening);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?>(), clock);
        var member = Guid.CreateVersion7();
        await host.PublishAsync(Registered(member, "梁文辉", clock.GetUtcNow()));
        await MemberKnownAsync(host, member);

        var talk = TalkRequired(member, clock.GetUtcNow());
        var hourBefore = StudyReminder(member, "HourBefore", clock.GetUtcNow());
        await host.PublishAsync(talk);
        await host.PublishAsync(hourBefore);
        await DispatchesAsync(host, talk.EventId, 2);
        await DispatchesAsync(host, hourBefore.EventId);
        await host.DispatchAsync();

        var held = (await DispatchesAsync(host, talk.EventId, 2)).Single(d => d.Audience == Audience.Member);
        Assert.Equal((DispatchStatus.Pending, new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero)), (held.Status, held.DueAt));
        Assert.Contains(await LogAsync(host, talk.EventId), e => e.Outcome == "Deferred" && e.RecipientId == member);
        var inbox = await host.WithDbAsync(db => db.Notifications.Where(n => n.RecipientId == member).Select(n => n.Kind).ToListAsync());
        Assert.Contains(NotificationKind.StudySessionReminder, inbox); // urgent: not held back
        Assert.DoesNotContain(NotificationKind.OrganisationalTalkRequired, inbox);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 22, 59, 0, TimeSpan.Zero));
        await host.DispatchAsync();
        Assert.False(await host.WithDbAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == member && n.Kind == NotificationKind.OrganisationalTalkRequired)));

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero)); // 07:00
        await host.DispatchAsync(); // the background dispatcher, woken by the clock, may be the one that delivers it
        var delivered = (await Eventually.MatchAsync(
            () => host.WithDbAsync(db => db.Notifications.Where(n => n.RecipientId == member && n.Kind == NotificationKind.OrganisationalTalkRequired).ToListAsync()),
            n => n.Count > 0, because: "delivered when the quiet hours end")).Single();
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 23, 0, 0, TimeSpan.Zero), delivered.CreatedAt);
        Assert.Equal("组织谈话通知", delivered.Title);
    }

    [Fact]
    public async Task Reminders_for_one_person_within_the_window_arrive_as_one_digest()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?> { ["Notification:Delivery:DigestWindow"] = "00:10:00" }, clock);
        var member = Guid.CreateVersion7();
        await host.PublishAsync(Registered(member, "黄志强", clock.GetUtcNow()));
        await MemberKnownAsync(host, member);

        var first = StudyReminder(member, "EveningBefore", clock.GetUtcNow());
        var second = StudyReminder(member, "EveningBefore", clock.GetUtcNow());
        var stationing = StationingReminder(member, clock.GetUtcNow());
        await host.PublishAsync(first);
        await host.PublishAsync(second);
        await host.PublishAsync(stationing);

        foreach (var id in new[] { first.EventId, second.EventId, stationing.EventId })
        {
            await DispatchesAsync(host, id);
        }

        await host.DispatchAsync();
        Assert.False(await host.WithDbAsync(db => db.Notifications.AnyAsync(n => n.RecipientId == member && n.Kind != NotificationKind.Welcome)), "nothing before the window ends");

        clock.Advance(TimeSpan.FromMinutes(10));
        await host.DispatchAsync();

        var messages = await Eventually.MatchAsync(
            () => host.WithDbAsync(db => db.Notifications.Where(n => n.RecipientId == member && n.Kind != NotificationKind.Welcome).ToListAsync()),
            n => n.Count > 0, because: "the digest goes out when the window ends");
        var digest = Assert.Single(messages);
        Assert.Equal(NotificationKind.Digest, digest.Kind);
        Assert.Equal("您有3条提醒", digest.Title);
        Assert.Equal(2, digest.Body.Split("第一议题学习提醒").Length - 1);
        Assert.Contains("驻点接访提醒", digest.Body);
        var statuses = await host.WithDbAsync(db => db.Dispatches.Where(d => d.RecipientId == member).Select(d => d.Status).ToListAsync());
        Assert.Equal([DispatchStatus.Delivered, DispatchStatus.Combined, DispatchStatus.Combined], statuses.Order());
    }

    [Fact]
    public async Task A_message_for_a_member_not_yet_registered_is_parked_then_delivered_when_the_registration_arrives()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?>(), clock);
        var member = Guid.CreateVersion7();

        var talk = TalkRequired(member, clock.GetUtcNow());
        await host.PublishAsync(talk);
        await DispatchesAsync(host, talk.EventId, 2);
        await host.DispatchAsync();

        using var admin = host.CreateClient();
        var log = await admin.GetFromJsonAsync<JsonElement>($"/deliveries?recipientId={member}");
        var parked = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal("Parked", parked.GetProperty("outcome").GetString());
        Assert.StartsWith("recipient-unknown", parked.GetProperty("detail").GetString());
        // Filtered by event: tests running side by side publish on the same exchanges, so this service sees their events too.
        var waiting = await admin.GetFromJsonAsync<JsonElement>($"/dispatches?status=Parked&sourceEventId={talk.EventId}");
        Assert.Equal(2, waiting.GetProperty("total").GetInt32()); // the member's and the secretary's (no secretary known)

        clock.Advance(TimeSpan.FromMinutes(1));
        await host.PublishAsync(Registered(member, "陈国平", clock.GetUtcNow()));
        await MemberKnownAsync(host, member);
        var talkNotice = (await Eventually.MatchAsync(
            async () =>
            {
                await host.DispatchAsync();
                return await host.WithDbAsync(db => db.Notifications.Where(n => n.RecipientId == member && n.Kind == NotificationKind.OrganisationalTalkRequired).ToListAsync());
            },
            n => n.Count > 0, because: "delivered once the member is known")).Single();
        Assert.StartsWith("陈国平同志", talkNotice.Body);
        Assert.Equal(["Parked", "Delivered"], (await LogAsync(host, talk.EventId)).Where(e => e.RecipientId == member).Select(e => e.Outcome));
    }

    /// <summary>
    /// Tests side by side publish on the same exchanges, and the town registers members all day: a
    /// registration wakes only the messages it can unblock (before, every parked message was made due
    /// and parked again, one more attempt each, which showed as a message parked twice at one instant).
    /// </summary>
    [Fact]
    public async Task Someone_elses_registration_leaves_a_parked_message_parked()
    {
        var clock = new FakeTimeProvider(TuesdayMorning);
        await using var host = await NotificationHost.StartAsync(new Dictionary<string, string?>(), clock);
        var member = Guid.CreateVersion7();
        var talk = TalkRequired(member, clock.GetUtcNow());
        await host.PublishAsync(talk);
        await DispatchesAsync(host, talk.EventId, 2);
        await host.DispatchAsync();

        var someoneElse = Guid.CreateVersion7();
        await host.PublishAsync(Registered(someoneElse, "何振华", clock.GetUtcNow()));
        await MemberKnownAsync(host, someoneElse);
        await host.DispatchAsync();

        var parked = await host.WithDbAsync(db => db.Dispatches.SingleAsync(d => d.SourceEventId == talk.EventId && d.RecipientId == member));
        Assert.Equal((DispatchStatus.Parked, 1, TuesdayMorning + TimeSpan.FromMinutes(5)), (parked.Status, parked.Attempts, parked.DueAt));
        Assert.Equal(["Parked"], (await LogAsync(host, talk.EventId)).Where(e => e.RecipientId == member).Select(e => e.Outcome));
    }
}
