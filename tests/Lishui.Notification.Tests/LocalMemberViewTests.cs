using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Notification.Data;
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
/// The shared local member view as every service keeps it, driven here through Notification's
/// database: registration, status changes and transfers, in whatever order they arrive.
/// </summary>
public sealed class LocalMemberViewTests : IAsyncLifetime
{
    private readonly Guid member = Guid.CreateVersion7();
    private readonly Guid hefeng = Guid.CreateVersion7();
    private readonly Guid office = Guid.CreateVersion7();
    private HandlerHarness handlers = null!;

    public async Task InitializeAsync() =>
        handlers = await HandlerHarness.StartAsync("memberview", x =>
        {
            x.AddConsumer<MemberRegisteredConsumer>();
            x.AddConsumer<MemberStatusChangedProjection<NotificationDbContext>>();
            x.AddConsumer<MemberTransferredProjection<NotificationDbContext>>();
        });

    public async Task DisposeAsync() => await handlers.DisposeAsync();

    [Fact]
    public async Task A_transfer_and_a_status_change_arriving_out_of_order_both_end_up_in_the_view()
    {
        var harness = handlers.Harness;
        var now = DateTimeOffset.UtcNow;
        await harness.Bus.PublishWithinDeadlineAsync(new MemberRegistered { MemberId = member, Name = "梁文辉", Status = MemberStatus.Probationary, JoinedOn = new DateOnly(2025, 7, 1) }
            .About(member, hefeng, 1, now));
        await handlers.WaitUntilAsync(h => h.Consumed.Select<MemberRegistered>().Any());

        // Sequence 3 (the transfer) is applied before sequence 2 (becoming a full member).
        await harness.Bus.PublishWithinDeadlineAsync(new MemberTransferred { MemberId = member, FromOrganisationId = hefeng, ToOrganisationId = office, EffectiveOn = new DateOnly(2026, 9, 1) }
            .About(member, office, 3, now));
        await handlers.WaitUntilAsync(h => h.Consumed.Select<MemberTransferred>().Any());
        await harness.Bus.PublishWithinDeadlineAsync(new MemberStatusChanged { MemberId = member, Status = MemberStatus.Full, PreviousStatus = MemberStatus.Probationary, EffectiveOn = new DateOnly(2026, 7, 1), OnRoll = true }
            .About(member, hefeng, 2, now));
        await handlers.WaitUntilAsync(h => h.Consumed.Select<MemberStatusChanged>().Any());

        var view = await handlers.WithDbAsync(db => db.Set<LocalMember>().SingleAsync(m => m.MemberId == member));
        Assert.Equal((office, MemberStatus.Full), (view.OrganisationId, view.Status));
    }

    [Fact]
    public async Task A_status_change_for_a_member_not_yet_registered_fails_so_it_is_retried_not_dropped()
    {
        var harness = handlers.Harness;

        await harness.Bus.PublishWithinDeadlineAsync(new MemberStatusChanged { MemberId = member, Status = MemberStatus.Full, PreviousStatus = MemberStatus.Probationary, EffectiveOn = new DateOnly(2026, 7, 1), OnRoll = true }
            .About(member, hefeng, 2, DateTimeOffset.UtcNow));
        await handlers.WaitUntilAsync(h => h.Consumed.Select<MemberStatusChanged>().Any());

        Assert.NotNull(harness.Consumed.Select<MemberStatusChanged>().Single().Exception);
    }

}
