using System.Text.Json;
using System.Text.Json.Nodes;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Lishui.Messaging.IntegrationTests;

/// <summary>
/// <see cref="IdempotentBatchConsumer{TMessage,TDbContext}"/> on the real broker and database: the
/// batch's events apply once, in one transaction, and one event the handler cannot apply does not
/// keep the others from landing or take them to the _error queue with it.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class BatchConsumerTests(MessagingFixture fixture) : IAsyncLifetime
{
    // Three events published together wait up to 2 s for each other: they are one batch.
    private static readonly ConsumerBatchOptions ThreeAtATime = new() { MessageLimit = 3, TimeLimit = TimeSpan.FromSeconds(2) };
    private readonly string prefix = "b" + Guid.NewGuid().ToString("N")[..10];
    private string database = string.Empty;

    private TestInfrastructure Infra => fixture.Infrastructure;

    private string Queue => $"{prefix}-recording-batch";

    public async Task InitializeAsync()
    {
        database = await Infra.CreateDatabaseAsync("batch");
        await using var db = ServiceHost.OpenDb(database);
        await db.CreateSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        await Infra.DeleteQueuesAsync(Queue, Queue + "_error");
        await Infra.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task A_batch_holding_the_same_event_twice_and_an_event_already_applied_applies_each_once()
    {
        await using var service = await StartAsync();
        var bus = service.Services.GetRequiredService<IBus>();
        var earlier = Registered("李明");
        await PublishAsync(bus, earlier);
        await service.EffectsEventuallyAsync(1);

        var fresh = Registered("王芳");
        await Task.WhenAll(PublishAsync(bus, earlier), PublishAsync(bus, fresh), PublishAsync(bus, fresh));
        await service.EffectsEventuallyAsync(2);
        await Task.Delay(500); // a late duplicate would land now

        var effects = await service.WithDbAsync(db => db.Effects.AsNoTracking().ToListAsync());
        Assert.Equal([earlier.EventId, fresh.EventId], effects.Select(e => e.EventId).Order());
        Assert.Equal(0u, await Infra.CountMessagesAsync(Queue + "_error"));
    }

    [Fact]
    public async Task One_event_the_handler_cannot_apply_goes_to_the_error_queue_alone_and_the_others_of_its_batch_are_applied_and_acknowledged()
    {
        await using var service = await StartAsync();
        var bus = service.Services.GetRequiredService<IBus>();
        var (first, poison, last) = (Registered("陈静"), Registered(RecordingConsumer.PoisonName), Registered("周敏"));

        await Task.WhenAll(PublishAsync(bus, first), PublishAsync(bus, poison), PublishAsync(bus, last));

        var effects = await service.EffectsEventuallyAsync(2);
        Assert.Equal(new[] { first.EventId, last.EventId }.Order(), effects.Select(e => e.EventId).Order());
        await Eventually.MatchAsync(() => Infra.CountMessagesAsync(Queue + "_error"), n => n >= 1, because: "the poison event should be in _error");
        await Task.Delay(1000); // a companion sent to _error after it would land now
        await service.DisposeAsync(); // what was neither acknowledged nor dead-lettered is back in the queue now

        Assert.Equal([poison.EventId], await EventIdsInAsync(Queue + "_error"));
        Assert.Equal(0u, await Infra.CountMessagesAsync(Queue));
        await using var db = ServiceHost.OpenDb(database);
        Assert.Equal(2, await db.Effects.CountAsync());
    }

    /// <summary>The event ids of the messages waiting in a queue (read and put back).</summary>
    private async Task<List<Guid>> EventIdsInAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = Infra.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new List<Guid>();
        while (await channel.BasicGetAsync(queue, autoAck: false) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            ids.Add(envelope.RootElement.GetProperty("message").GetProperty("eventId").GetGuid());
        }

        return ids; // unacknowledged, so back in the queue when the channel closes
    }

    [Fact]
    public async Task A_batch_endpoint_holds_room_for_the_next_full_batch_while_one_is_applied()
    {
        // With room for one batch only, the next began filling when the last committed, from what the
        // broker sent after the ack: under load batches closed at a quarter of MessageLimit.
        var tenAtATime = new ConsumerBatchOptions { MessageLimit = 10, TimeLimit = TimeSpan.FromSeconds(2) };
        await using var service = await StartAsync(tenAtATime, new Dictionary<string, string?>
        {
            ["Messaging:Retry:PrefetchCount"] = "1",
            ["Messaging:Retry:ConcurrentMessageLimit"] = "4",
        });

        // The endpoint as the running bus reports it (MassTransit's probe).
        var probe = JsonSerializer.SerializeToNode(service.Services.GetRequiredService<IBusControl>().GetProbeResult())!;
        var endpoint = Nodes(probe).OfType<JsonObject>().First(o => (string?)o["queueName"] == Queue && o["prefetchCount"] is not null);
        Assert.Equal(20, (int)endpoint["prefetchCount"]!);
        Assert.Equal(20, (int)endpoint["concurrentMessageLimit"]!);
    }

    private static IEnumerable<JsonNode> Nodes(JsonNode node) => node switch
    {
        JsonObject o => o.Where(p => p.Value is not null).SelectMany(p => Nodes(p.Value!)).Prepend(o),
        JsonArray a => a.Where(n => n is not null).SelectMany(n => Nodes(n!)),
        _ => [node],
    };

    private async Task<ServiceHost> StartAsync(ConsumerBatchOptions? batch = null, IDictionary<string, string?>? settings = null)
    {
        var service = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix, settings: settings, batch: batch ?? ThreeAtATime);
        await service.WaitUntilReadyAsync();
        return service;
    }

    private static MemberRegistered Registered(string name) => OutboxAndInboxTests.NewEvent(name);

    private static Task PublishAsync(IBus bus, MemberRegistered message) => OutboxAndInboxTests.PublishAsync(bus, message);
}
