using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

/// <summary>Membership's member events, through the real broker, into Pairing's local member view.</summary>
public sealed class MemberViewTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    [Fact]
    public async Task A_status_change_arriving_before_the_registration_is_retried_not_dropped()
    {
        await api.StartedAsync(); // the service and its consumers, listening
        var organisation = Guid.CreateVersion7();
        var member = Guid.CreateVersion7();
        var withdrawn = new MemberStatusChanged
        {
            MemberId = member, Status = MemberStatus.Withdrawn, PreviousStatus = MemberStatus.Full, EffectiveOn = new DateOnly(2026, 11, 1), OnRoll = false,
        }.About(member, organisation, 2, DateTimeOffset.UtcNow);
        await api.PublishAsync(withdrawn);
        await Task.Delay(300); // the change is now failing and being retried

        await api.PublishAsync(new MemberRegistered { MemberId = member, Name = "迟到的党员", Status = MemberStatus.Full, JoinedOn = new DateOnly(2001, 7, 1) }
            .About(member, organisation, 1, DateTimeOffset.UtcNow));

        var view = await Eventually.MatchAsync(
            () => api.WithDbAsync(db => db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.MemberId == member)),
            m => m?.Status == MemberStatus.Withdrawn,
            because: "the retried status change should apply once the registration is in");
        Assert.Equal(2, view!.Sequence);
        Assert.True(await api.WithDbAsync(db => db.Set<Lishui.Shared.Messaging.InboxMessage>().AnyAsync(m => m.MessageId == withdrawn.EventId)));
    }
}
