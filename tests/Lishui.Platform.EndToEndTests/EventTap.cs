using System.Collections.Concurrent;
using System.Text;
using Lishui.Contracts;
using Lishui.Shared.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Lishui.Platform.EndToEndTests;

/// <summary>
/// A queue of the test's own bound to the exchange of every integration event contract, so the tests
/// see every event exactly as the broker carried it (auto-deleted when the test run ends).
/// </summary>
public sealed class EventTap : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;

    private EventTap(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public ConcurrentQueue<string> Bodies { get; } = new();

    public static async Task<EventTap> StartAsync(Uri broker)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync("e2e-event-tap");
        var channel = await connection.CreateChannelAsync();
        var tap = new EventTap(connection, channel);
        var queue = (await channel.QueueDeclareAsync($"e2e-event-tap-{Guid.NewGuid():N}", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var contract in ContractCatalog.EventTypes)
        {
            // The exchange MassTransit publishes the contract to (fanout, durable): declaring it the same way is a no-op.
            var exchange = ContractEntityNameFormatter.ExchangeNameOf(contract);
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, exchange, routingKey: "");
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            tap.Bodies.Enqueue(Encoding.UTF8.GetString(delivery.Body.Span));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
        return tap;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
    }
}
