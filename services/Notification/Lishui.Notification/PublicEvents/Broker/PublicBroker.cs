using System.Text;
using Lishui.Shared.Messaging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Lishui.Notification.PublicEvents.Broker;

/// <summary>
/// The platform's own AMQP connection for public events (RabbitMQ.Client, not MassTransit: these are
/// plain CloudEvents for outside consumers). Declares the exchange and subscribers' queues.
/// </summary>
public sealed class PublicBroker(IConfiguration configuration, IOptions<PublicEventsOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private IConnection? connection;

    public ConnectionFactory Factory { get; } = new()
    {
        Uri = new Uri(configuration.GetConnectionString(MessagingRegistration.BrokerConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{MessagingRegistration.BrokerConnectionName} (the RabbitMQ broker) is not configured.")),
        ClientProvidedName = "notification-public-events",
        AutomaticRecoveryEnabled = true,
    };

    public string Exchange => options.Value.Exchange;

    public async Task<IConnection> ConnectionAsync(CancellationToken ct)
    {
        if (connection is { IsOpen: true })
        {
            return connection;
        }

        await gate.WaitAsync(ct);
        try
        {
            if (connection is { IsOpen: true })
            {
                return connection;
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            connection = await Factory.CreateConnectionAsync(ct);
            return connection;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A channel whose publishes return only once the broker confirmed them (and throw when it refused).</summary>
    public async Task<IChannel> ConfirmingChannelAsync(CancellationToken ct)
    {
        var channel = await (await ConnectionAsync(ct)).CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        await DeclareExchangeAsync(channel, ct);
        return channel;
    }

    public Task DeclareExchangeAsync(IChannel channel, CancellationToken ct) =>
        channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);

    /// <summary>The subscriber's durable quorum queue, bound to the public exchange once per allowed type.</summary>
    public async Task DeclareSubscriberQueueAsync(string queue, IEnumerable<string> types, CancellationToken ct)
    {
        await using var channel = await (await ConnectionAsync(ct)).CreateChannelAsync(cancellationToken: ct);
        await DeclareExchangeAsync(channel, ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: ct);
        foreach (var type in types)
        {
            await channel.QueueBindAsync(queue, Exchange, type, cancellationToken: ct);
        }
    }

    /// <summary>Properties of every public event message: persistent, CloudEvents content type, id and type readable without parsing.</summary>
    public static BasicProperties PropertiesOf(Guid id, string type, string? replayId = null)
    {
        var properties = new BasicProperties
        {
            Persistent = true,
            ContentType = "application/cloudevents+json",
            ContentEncoding = Encoding.UTF8.WebName,
            MessageId = id.ToString(),
            Type = type,
            AppId = "lishui-public-events",
        };
        if (replayId is not null)
        {
            properties.Headers = new Dictionary<string, object?> { ["lishui-replay-id"] = replayId };
        }

        return properties;
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        gate.Dispose();
    }
}
