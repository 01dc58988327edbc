using Lishui.Contracts;
using MassTransit;
using MassTransit.Configuration;

namespace Lishui.Shared.Messaging;

/// <summary>
/// A consumer whose queue is named after the event it takes (<c>{prefix}-member-status-changed</c>),
/// not after its class: for the shared generic projections, whose class names say nothing to an
/// operator reading the broker, and for consumers whose queue names predate their classes.
/// </summary>
public class EventConsumerDefinition<TConsumer, TEvent> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer<TEvent>
    where TEvent : IntegrationEvent
{
    public EventConsumerDefinition() =>
        EndpointDefinition = new EventEndpoint(new EndpointRegistrationConfigurator<TConsumer>().Settings);

    private sealed class EventEndpoint(IEndpointSettings<IEndpointDefinition<TConsumer>> settings) : SettingsEndpointDefinition<TConsumer>(settings)
    {
        protected override string FormatEndpointName(IEndpointNameFormatter formatter) => formatter.Message<TEvent>();
    }
}

public static class EventConsumerRegistration
{
    /// <summary>Adds <typeparamref name="TConsumer"/> on a queue named after <typeparamref name="TEvent"/>.</summary>
    public static void AddEventConsumer<TConsumer, TEvent>(this IBusRegistrationConfigurator bus)
        where TConsumer : class, IConsumer<TEvent>
        where TEvent : IntegrationEvent =>
        bus.AddConsumer<TConsumer, EventConsumerDefinition<TConsumer, TEvent>>();
}
