using System.Collections.Concurrent;
using Lishui.Contracts;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;

namespace Lishui.Membership.Tests.Api;

/// <summary>
/// Another service, as far as the broker can tell: a bus of its own on the real RabbitMQ with a
/// uniquely named queue subscribed to <typeparamref name="T"/>. The queue is deleted on dispose.
/// </summary>
public sealed class EventListener<T> : IAsyncDisposable
    where T : IntegrationEvent
{
    private readonly ConcurrentQueue<T> received = new();
    private readonly TestInfrastructure infrastructure;
    private readonly IBusControl bus;
    private readonly string queue = $"membership-tests-{typeof(T).Name.ToLowerInvariant()}-{Guid.NewGuid():N}";

    private EventListener(TestInfrastructure infrastructure)
    {
        this.infrastructure = infrastructure;
        bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(infrastructure.RabbitMq);
            // Same exchange names as the services (one per contract URN).
            cfg.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.AutoDelete = true;
                e.Handler<T>(context =>
                {
                    received.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
    }

    public static async Task<EventListener<T>> StartAsync(TestInfrastructure infrastructure)
    {
        var listener = new EventListener<T>(infrastructure);
        await listener.bus.StartAsync();
        return listener;
    }

    /// <summary>Waits until an event matching <paramref name="match"/> arrives and returns it.</summary>
    public async Task<T> ReceivedAsync(Func<T, bool> match, string because) =>
        (await Eventually.MatchAsync(() => Task.FromResult(received.FirstOrDefault(match)), e => e is not null, because: because))!;

    public IReadOnlyCollection<T> Received => received.ToArray();

    public async ValueTask DisposeAsync()
    {
        await bus.StopAsync();
        await infrastructure.DeleteQueuesAsync(queue);
    }
}
