using Lishui.Shared.Messaging;
using MassTransit;

namespace Lishui.Notification.PublicEvents.Messaging;

/// <summary>
/// A second MassTransit bus instance (MultiBus) for the open event interface. Notification's own bus
/// is configured in its module; this one keeps the public-event consumers, their queues and their
/// connection apart, so neither side's configuration or load affects the other.
/// </summary>
public interface IPublicEventsBus : IBus;

public static class PublicEventsBus
{
    public static IHostApplicationBuilder AddPublicEventsBus(this IHostApplicationBuilder builder, string serviceName)
    {
        var connectionString = builder.Configuration.GetConnectionString(MessagingRegistration.BrokerConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{MessagingRegistration.BrokerConnectionName} (the RabbitMQ broker) is not configured.");
        var retry = builder.Configuration.GetSection("Messaging:Retry").Get<ConsumerRetryOptions>() ?? new ConsumerRetryOptions();
        var prefix = (builder.Configuration["Messaging:EndpointPrefix"] ?? serviceName) + "-public";
        builder.Services.AddMassTransit<IPublicEventsBus>(bus =>
        {
            bus.AddConsumer<MemberRegisteredToPublic>().Endpoint(e => e.Name = $"{prefix}-member-registered");
            bus.AddConsumer<OrganisationCreatedToPublic>().Endpoint(e => e.Name = $"{prefix}-organisation-created");
            bus.AddConsumer<NoticePublishedToPublic>().Endpoint(e => e.Name = $"{prefix}-assessment-notice-published");
            bus.AddConsumer<ProjectStatusChangedToPublic>().Endpoint(e => e.Name = $"{prefix}-project-status-changed");
            bus.AddConsumer<OpinionCollectionCompletedToPublic>().Endpoint(e => e.Name = $"{prefix}-opinion-collection-completed");
            bus.AddConsumer<StudySessionHeldToPublic>().Endpoint(e => e.Name = $"{prefix}-study-session-held");
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.UseMessageRetry(r => r.Exponential(retry.RetryLimit, retry.MinInterval, retry.MaxInterval, retry.MinInterval));
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                    rabbit.PrefetchCount = retry.PrefetchCount;
                }
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                rabbit.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
