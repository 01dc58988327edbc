using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Testing;

public static class ServiceQueues
{
    /// <summary>
    /// Every queue a service declares, with its <c>_error</c> and <c>_skipped</c> companions, read from
    /// the service's own consumer registrations. Hand-kept lists fell behind the services: each run
    /// left the queues they missed bound to the contract exchanges with no consumer, and every later
    /// run's events piled up in them. The service needs to be built, not started.
    /// </summary>
    public static string[] Declared(IServiceProvider services)
    {
        var context = services.GetRequiredService<IBusRegistrationContext>();
        return [.. services.GetServices<IConsumerRegistration>()
            .Select(r => r.GetDefinition(context).GetEndpointName(context.EndpointNameFormatter))
            .Distinct()
            .SelectMany(q => new[] { q, $"{q}_error", $"{q}_skipped" })];
    }
}
