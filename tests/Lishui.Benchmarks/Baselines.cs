using System.Diagnostics;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Lishui.Benchmarks;

/// <summary>What the broker alone does on this machine: the ceilings the pipeline is compared with.</summary>
public static class Baselines
{
    public const int Window = 500;

    /// <summary>~300 bytes, like a serialised attendance event.</summary>
    public static readonly byte[] Body = System.Text.Encoding.UTF8.GetBytes(new string('x', 300));

    /// <summary>
    /// A: RabbitMQ.Client 7, publisher confirms (the channel awaits each confirm; <see cref="Window"/>
    /// publishes in flight), one consumer with manual ack per message, on a quorum queue.
    /// </summary>
    public static async Task<double> RawRabbitMqAsync(Uri broker, int count, ushort prefetch, CancellationToken ct)
    {
        var queue = $"bench-a-{Guid.NewGuid():N}"[..20];
        var factory = new ConnectionFactory { Uri = broker };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var consumerChannel = await connection.CreateChannelAsync(cancellationToken: ct);
        await consumerChannel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: ct);
        try
        {
            await consumerChannel.BasicQosAsync(0, prefetch, false, ct);
            var received = 0;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var consumer = new AsyncEventingBasicConsumer(consumerChannel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                if (Interlocked.Increment(ref received) == count)
                {
                    done.TrySetResult();
                }
            };
            await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer, ct);

            await using var publishChannel = await connection.CreateChannelAsync(
                new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
            var clock = Stopwatch.StartNew();
            var inFlight = new List<Task>(Window);
            for (var i = 0; i < count; i++)
            {
                inFlight.Add(publishChannel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, Body, ct).AsTask());
                if (inFlight.Count == Window)
                {
                    await Task.WhenAll(inFlight);
                    inFlight.Clear();
                }
            }

            await Task.WhenAll(inFlight);
            await done.Task.WaitAsync(TimeSpan.FromMinutes(10), ct);
            return count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await consumerChannel.QueueDeleteAsync(queue, cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>B: a bare MassTransit bus (defaults: publisher confirms, JSON envelope), publish → consume on a quorum queue.</summary>
    public static async Task<double> MassTransitAsync(Uri broker, int count, ushort prefetch, CancellationToken ct)
    {
        var queue = $"bench-b-{Guid.NewGuid():N}"[..20];
        var counter = new BaselineCounter(count);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(broker);
            rabbit.ReceiveEndpoint(queue, e =>
            {
                e.SetQuorumQueue();
                e.PrefetchCount = prefetch;
                e.Consumer(() => new BaselineConsumer(counter));
            });
        });
        await bus.StartAsync(ct);
        try
        {
            var payload = new string('x', 300);
            var clock = Stopwatch.StartNew();
            var inFlight = new List<Task>(Window);
            for (var i = 0; i < count; i++)
            {
                inFlight.Add(bus.Publish(new BaselineMessage(Guid.NewGuid(), payload), ct));
                if (inFlight.Count == Window)
                {
                    await Task.WhenAll(inFlight);
                    inFlight.Clear();
                }
            }

            await Task.WhenAll(inFlight);
            await counter.Done.WaitAsync(TimeSpan.FromMinutes(10), ct);
            return count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
            await new Servers(string.Empty, broker).DeleteQueuesAsync([queue]);
        }
    }
}

public sealed record BaselineMessage(Guid Id, string Payload);

public sealed class BaselineCounter(int expected)
{
    private int received;
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => done.Task;

    public void Add()
    {
        if (Interlocked.Increment(ref received) == expected)
        {
            done.TrySetResult();
        }
    }
}

public sealed class BaselineConsumer(BaselineCounter counter) : IConsumer<BaselineMessage>
{
    public Task Consume(ConsumeContext<BaselineMessage> context)
    {
        counter.Add();
        return Task.CompletedTask;
    }
}
