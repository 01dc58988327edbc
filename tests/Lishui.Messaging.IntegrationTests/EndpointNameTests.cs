using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using MassTransit;

namespace Lishui.Messaging.IntegrationTests;

/// <summary>Queues outlive deployments: the shared consumers must keep the names their queues have.</summary>
[Trait("Category", "Unit")]
public sealed class EndpointNameTests
{
    private static string NameOf<TDefinition>(string prefix)
        where TDefinition : IConsumerDefinition, new() =>
        new TDefinition().GetEndpointName(new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));

    [Fact]
    public void A_local_view_projection_is_named_after_its_event_under_the_services_prefix()
    {
        Assert.Equal("pairing-member-status-changed",
            NameOf<EventConsumerDefinition<MemberStatusChangedProjection<TestDbContext>, MemberStatusChanged>>("pairing"));
        Assert.Equal("assessment-organisation-moved",
            NameOf<EventConsumerDefinition<OrganisationMovedProjection<TestDbContext>, OrganisationMoved>>("assessment"));
        // Tests and side-by-side installs prefix with letters and digits.
        Assert.Equal("t0c3e86bde0-public-member-transferred",
            NameOf<EventConsumerDefinition<MemberTransferredProjection<TestDbContext>, MemberTransferred>>("t0c3e86bde0-public"));
    }
}
