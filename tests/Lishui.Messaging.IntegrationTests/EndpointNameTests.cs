using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public void A_batch_consumer_keeps_its_class_named_queue_with_room_for_two_full_batches()
    {
        var services = new ServiceCollection();
        services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter("assessment", includeNamespace: false));
            bus.AddBatchConsumer<RollEntriesBatchConsumer>(new ConsumerBatchOptions { MessageLimit = 50, ConcurrencyLimit = 2 });
            bus.UsingInMemory();
        });
        using var provider = services.BuildServiceProvider();
        var context = provider.GetRequiredService<IBusRegistrationContext>();

        var definition = Assert.IsType<BatchConsumerDefinition<RollEntriesBatchConsumer>>(
            Assert.Single(provider.GetServices<IConsumerRegistration>()).GetDefinition(context));

        Assert.Equal("assessment-roll-entries-batch", ((IConsumerDefinition)definition).GetEndpointName(context.EndpointNameFormatter));
        var endpoint = Assert.IsAssignableFrom<IEndpointDefinition>(definition.EndpointDefinition);
        Assert.Equal(200, endpoint.PrefetchCount);
        Assert.Equal(200, endpoint.ConcurrentMessageLimit);
    }

    public sealed class RollEntriesBatchConsumer : IConsumer<Batch<MemberRegistered>>
    {
        public Task Consume(ConsumeContext<Batch<MemberRegistered>> context) => Task.CompletedTask;
    }
}
