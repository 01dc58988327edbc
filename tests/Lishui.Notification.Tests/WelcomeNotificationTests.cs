using Lishui.Contracts.Membership;
using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Templates;
using Lishui.Notification.Messaging;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Notification.Tests;

/// <summary>
/// The welcome handler itself: MassTransit's in-memory harness delivers the events, the inbox and
/// notifications live in a real PostgreSQL database.
/// </summary>
public sealed class WelcomeNotificationTests : IAsyncLifetime
{
    private HandlerHarness handlers = null!;

    public async Task InitializeAsync() =>
        handlers = await HandlerHarness.StartAsync("notification", x => x.AddConsumer<MemberRegisteredConsumer>());

    public async Task DisposeAsync() => await handlers.DisposeAsync();

    [Fact]
    public async Task A_newly_registered_member_finds_one_welcome_in_their_inbox_however_often_the_event_arrives()
    {
        var harness = handlers.Harness;
        var registered = Registered("黄志强");

        await harness.Bus.PublishWithinDeadlineAsync(registered);
        await harness.Bus.PublishWithinDeadlineAsync(registered);
        Assert.True(await harness.Consumed.Any<MemberRegistered>());
        await handlers.WaitUntilAsync(h => h.Consumed.Select<MemberRegistered>().Count() >= 2);

        var welcome = await handlers.WithDbAsync(db => db.Notifications.SingleAsync(n => n.RecipientId == registered.MemberId));
        Assert.Equal(NotificationKind.Welcome, welcome.Kind);
        Assert.StartsWith("黄志强同志", welcome.Body);
        Assert.Equal(registered.EventId, welcome.SourceEventId);
        Assert.Null(welcome.ReadAt);
    }

    [Fact]
    public async Task A_member_who_chose_english_is_welcomed_in_english()
    {
        var harness = handlers.Harness;
        var registered = Registered("Li Na");
        await handlers.WithDbAsync(db =>
        {
            var preference = RecipientPreference.For(registered.MemberId);
            preference.Change("en", DateTimeOffset.UtcNow);
            db.Preferences.Add(preference);
            return db.SaveChangesAsync();
        });

        await harness.Bus.PublishWithinDeadlineAsync(registered);
        await handlers.WaitUntilAsync(h => h.Consumed.Select<MemberRegistered>().Any());

        var welcome = await handlers.WithDbAsync(db => db.Notifications.SingleAsync(n => n.RecipientId == registered.MemberId));
        Assert.Equal("Welcome to the member roll", welcome.Title);
        Assert.StartsWith("Dear comrade Li Na", welcome.Body);
    }

    /// <summary>
    /// A registration the view already holds (sent again under a new event id, after a name correction
    /// reached this service): the view keeps the corrected name and the welcome uses it.
    /// </summary>
    [Fact]
    public async Task A_member_already_in_the_view_is_welcomed_by_the_name_the_view_holds()
    {
        var harness = handlers.Harness;
        var registered = Registered("黄志");
        await handlers.WithDbAsync(db =>
        {
            db.Set<LocalMember>().Add(new LocalMember
            {
                MemberId = registered.MemberId, OrganisationId = registered.OrganisationId, Name = "黄志坚", Status = MemberStatus.Probationary,
                Sequence = registered.Sequence, OrganisationSequence = registered.Sequence, UpdatedAt = registered.OccurredAt,
            });
            return db.SaveChangesAsync();
        });

        await harness.Bus.PublishWithinDeadlineAsync(registered);
        await handlers.WaitUntilAsync(h => h.Consumed.Select<MemberRegistered>().Any(m => m.Context.Message.EventId == registered.EventId));

        var welcome = await handlers.WithDbAsync(db => db.Notifications.SingleAsync(n => n.RecipientId == registered.MemberId));
        Assert.StartsWith("黄志坚同志", welcome.Body);
        Assert.Equal("黄志坚", (await handlers.WithDbAsync(db => db.Set<LocalMember>().SingleAsync(m => m.MemberId == registered.MemberId))).Name);
    }

    private static MemberRegistered Registered(string name)
    {
        var now = DateTimeOffset.UtcNow;
        var memberId = Guid.CreateVersion7(now);
        return new MemberRegistered
        {
            EventId = Guid.CreateVersion7(now),
            OccurredAt = now,
            AggregateId = memberId,
            OrganisationId = Guid.CreateVersion7(now),
            Sequence = 1,
            MemberId = memberId,
            Name = name,
            Status = MemberStatus.Probationary,
            JoinedOn = new DateOnly(2024, 7, 1),
        };
    }
}
