using System.Collections.Concurrent;
using Lishui.Contracts;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;

namespace Lishui.Pairing.Tests.Api;

/// <summary>
/// Another service, as far as the broker can tell (PracticalProjects, Notification): a bus of its
/// own on the real RabbitMQ with a uniquely named queue subscribed to <typeparamref name="T"/>.
/// Keeps each message's raw body too. The queue is deleted on dispose.
/// </summary>
public sealed class EventListener<T> : IAsyncDisposable
    where T : IntegrationEvent
{
    private readonly ConcurrentQueue<(T Message, string Body)> received = new();
    private readonly TestInfrastructure infrastructure;
    private readonly IBusControl bus;
    private readonly string queue = $"pairing-tests-{typeof(T).Name.ToLowerInvariant()}-{Guid.NewGuid():N}";

    private EventListener(TestInfrastructure infrastructure)
    {
        this.infrastructure = infrastructure;
        bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(infrastructure.RabbitMq);
            cfg.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.AutoDelete = true;
                e.Handler<T>(context =>
                {
                    var body = context.ReceiveContext.Body.GetString();
                    received.Enqueue((context.Message, body));
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

    /// <summary>Waits until an event matching <paramref name="match"/> arrives; returns it with the body as it travelled.</summary>
    public async Task<(T Message, string Body)> ReceivedAsync(Func<T, bool> match, string because) =>
        await Eventually.MatchAsync(
            () => Task.FromResult(received.FirstOrDefault(r => match(r.Message))),
            r => r.Message is not null,
            because: because);

    public IReadOnlyCollection<T> Received => received.Select(r => r.Message).ToArray();

    public async ValueTask DisposeAsync()
    {
        await bus.StopAsync();
        await infrastructure.DeleteQueuesAsync(queue);
    }
}
