using System.Text.Json;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lishui.Messaging.IntegrationTests;

/// <summary>
/// The relay publishes a batch concurrently: these pin down what that must not cost, namely each
/// aggregate's order on the queue and that only rows the broker confirmed leave the outbox.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class RelayBatchingTests(MessagingFixture fixture) : IAsyncLifetime
{
    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..10];
    private string database = string.Empty;

    private TestInfrastructure Infra => fixture.Infrastructure;

    public async Task InitializeAsync()
    {
        database = await Infra.CreateDatabaseAsync("relay");
        await using var db = ServiceHost.OpenDb(database);
        await db.CreateSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        await Infra.DeleteQueuesAsync($"{prefix}-recording", $"{prefix}-recording_error");
        await Infra.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task Each_aggregates_events_reach_the_queue_in_sequence_when_batches_are_published_concurrently()
    {
        // A subscriber's own queue on the contract's exchange: queue order is the order the broker accepted them.
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = Infra.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var exchange = ContractEntityNameFormatter.ExchangeNameOf(typeof(MemberRegistered));
        var queue = $"{prefix}-order";
        await channel.ExchangeDeclareAsync(exchange, "fanout", durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue, exchange, string.Empty);

        // Ten aggregates, forty events each, interleaved: every batch of 64 holds a few of each aggregate.
        var aggregates = Enumerable.Range(0, 10).Select(_ => Guid.CreateVersion7()).ToList();
        var events = Enumerable.Range(1, 40).SelectMany(seq => aggregates.Select(a => Event(a, seq, $"党员{seq}"))).ToList();
        await SaveWithOutboxAsync(events);

        await using var service = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix, withConsumer: false,
            settings: new Dictionary<string, string?> { ["Messaging:Outbox:BatchSize"] = "64", ["Messaging:Outbox:MaxConcurrentPublishes"] = "32" });

        var arrived = new List<(Guid Aggregate, long Sequence)>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (arrived.Count < events.Count && DateTime.UtcNow < deadline)
        {
            var delivered = await channel.BasicGetAsync(queue, autoAck: true);
            if (delivered is null)
            {
                await Task.Delay(50);
                continue;
            }

            var message = JsonDocument.Parse(delivered.Body.ToArray()).RootElement.GetProperty("message");
            var aggregate = message.GetProperty("aggregateId").GetGuid();
            if (aggregates.Contains(aggregate)) // other tests may publish MemberRegistered on a shared broker
            {
                arrived.Add((aggregate, message.GetProperty("sequence").GetInt64()));
            }
        }

        Assert.Equal(events.Count, arrived.Count);
        foreach (var aggregate in aggregates)
        {
            Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), arrived.Where(a => a.Aggregate == aggregate).Select(a => a.Sequence));
        }

        await ServiceHost.OutboxEmptiesAsync(database);
    }

    [Fact]
    public async Task A_row_the_broker_did_not_confirm_stays_in_the_outbox_and_holds_back_its_aggregate_but_not_others()
    {
        var refusing = new RefusingPublisher();
        await using var service = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix, services: s =>
            s.AddSingleton<IOutboxPublisher>(sp => refusing.Wrapping(new BusOutboxPublisher(sp.GetRequiredService<IBus>()))));
        await service.WaitUntilReadyAsync();

        var x = Guid.CreateVersion7();
        var y = Guid.CreateVersion7();
        var x1 = Event(x, 1, "李明");
        var x2 = Event(x, 2, RefusingPublisher.Unconfirmed);
        var x3 = Event(x, 3, "李明");
        var y1 = Event(y, 1, "王芳");
        var y2 = Event(y, 2, "王芳");
        await SaveWithOutboxAsync([x1, x2, x3, y1, y2]);

        var effects = await service.EffectsEventuallyAsync(3);
        await Task.Delay(1000); // give x3 every chance to overtake x2, which it must not
        effects = await service.WithDbAsync(db => db.Effects.AsNoTracking().ToListAsync());
        Assert.Equal(new[] { x1.EventId, y1.EventId, y2.EventId }.Order(), effects.Select(e => e.EventId).Order());
        var waiting = await ServiceHost.OpenDb(database).Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(new[] { x2.EventId, x3.EventId }, waiting.Select(m => m.EventId));
        Assert.True(waiting[0].Attempts > 0);
        Assert.NotNull(waiting[0].LastError);
        Assert.Equal(0, waiting[1].Attempts); // never tried: it would have overtaken x2

        // The broker takes it again: the held-back rows follow, in order, and the outbox empties.
        refusing.Refuse = false;
        effects = await service.EffectsEventuallyAsync(5);
        Assert.Equal(5, effects.Count);
        await ServiceHost.OutboxEmptiesAsync(database);
    }

    /// <summary>Replicas take turns: one that finds the relay's lock taken publishes nothing until it is free.</summary>
    [Fact]
    public async Task A_relay_publishes_nothing_while_another_replica_holds_the_relay_lock()
    {
        await using var otherReplica = new NpgsqlConnection(database);
        await otherReplica.OpenAsync();
        await using var publishing = await otherReplica.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", otherReplica, publishing))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = OutboxRelay<TestDbContext>.RelayLockKey });
            await take.ExecuteNonQueryAsync();
        }

        var registered = Event(Guid.CreateVersion7(), 1, "李明");
        await SaveWithOutboxAsync([registered]);
        await using var service = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix);
        await service.WaitUntilReadyAsync();
        await Task.Delay(2000); // the relay looks at once on start and again when NOTIFY wakes it
        Assert.Equal(1, await CountOutboxAsync());
        Assert.Empty(await service.WithDbAsync(db => db.Effects.AsNoTracking().ToListAsync()));

        await publishing.CommitAsync(); // the other replica is done: the next poll publishes the row
        Assert.Equal(registered.EventId, Assert.Single(await service.EffectsEventuallyAsync(1)).EventId);
        await ServiceHost.OutboxEmptiesAsync(database);
    }

    private static MemberRegistered Event(Guid aggregate, long sequence, string name)
    {
        var now = DateTimeOffset.UtcNow;
        return new MemberRegistered
        {
            EventId = Guid.CreateVersion7(now),
            OccurredAt = now,
            AggregateId = aggregate,
            OrganisationId = RecordingConsumer.Organisation,
            Sequence = sequence,
            MemberId = aggregate,
            Name = name,
            Status = MemberStatus.Probationary,
            JoinedOn = new DateOnly(2020, 7, 1),
        };
    }

    private Task SaveWithOutboxAsync(IEnumerable<MemberRegistered> events) => ServiceHost.SaveWithOutboxAsync(database, events);

    private Task<int> CountOutboxAsync() => ServiceHost.CountOutboxAsync(database);
}

/// <summary>
/// Stands in for a broker that nacks one message (e.g. a queue over its length limit with
/// reject-publish): publishes of the member named <see cref="Unconfirmed"/> fail as an unconfirmed
/// publish does; everything else goes to the real broker.
/// </summary>
public sealed class RefusingPublisher
{
    public const string Unconfirmed = "unconfirmed";

    public volatile bool Refuse = true;

    public IOutboxPublisher Wrapping(IOutboxPublisher inner) => new Publisher(this, inner);

    private sealed class Publisher(RefusingPublisher owner, IOutboxPublisher inner) : IOutboxPublisher
    {
        public Task PublishAsync(object message, Type contract, Guid messageId, CancellationToken ct) =>
            owner.Refuse && message is MemberRegistered { Name: Unconfirmed }
                ? Task.FromException(new InvalidOperationException("The broker did not confirm the message (nack)."))
                : inner.PublishAsync(message, contract, messageId, ct);
    }
}
