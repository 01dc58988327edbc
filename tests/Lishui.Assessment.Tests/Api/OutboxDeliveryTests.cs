using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Tests.Api;

public sealed class OutboxDeliveryTests(AssessmentApiWithRelayFactory api) : IClassFixture<AssessmentApiWithRelayFactory>
{
    [Fact]
    public async Task Points_events_leave_through_the_outbox_to_the_broker()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var member = (await api.RegisterMembersAsync(organisation, "邓建新"))[0];

        (await api.EnterAsync(scheme, member, "organisational-life", 4)).EnsureSuccessStatusCode();

        Assert.Equal(1, await api.WithDbAsync(db => db.LedgerEntries.CountAsync(e => e.SchemeId == scheme)));
        await Eventually.MatchAsync(() => api.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()), n => n == 0,
            because: "the relay should publish PointsAwarded and remove its row");
    }
}
