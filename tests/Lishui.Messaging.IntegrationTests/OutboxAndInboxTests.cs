using System.Diagnostics;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Messaging.IntegrationTests;

[Collection(MessagingCollection.Name)]
public sealed class OutboxAndInboxTests(MessagingFixture fixture) : IAsyncLifetime
{
    private static readonly ActivitySource TestSource = new("Lishui.Tests");
    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..10];
    private string database = string.Empty;

    private TestInfrastructure Infra => fixture.Infrastructure;

    public async Task InitializeAsync()
    {
        database = await Infra.CreateDatabaseAsync("outbox");
        await using var db = ServiceHost.OpenDb(database);
        await db.CreateSchemaAsync();
    }

    public async Task DisposeAsync()
    {
        await Infra.DeleteQueuesAsync($"{prefix}-recording", $"{prefix}-recording_error");
        await Infra.DropDatabaseAsync(database);
    }

    [Fact]
    public async Task Event_committed_before_a_crash_is_published_once_the_service_is_back()
    {
        await SubscribeAsync();

        // The state change and its event commit while no relay runs: as if the process died right after commit.
        var registered = NewEvent("李明");
        await SaveWithOutboxAsync(registered);

        await using var service = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix);
        var effects = await service.EffectsEventuallyAsync(1);

        Assert.Equal(registered.EventId, Assert.Single(effects).EventId);
        await ServiceHost.OutboxEmptiesAsync(database);
    }

    [Fact]
    public async Task Events_wait_in_the_outbox_while_the_broker_is_unreachable_and_flow_when_it_returns()
    {
        await SubscribeAsync();
        var unreachable = new Uri("amqp://guest:guest@127.0.0.1:1/");
        await using (var cutOff = await ServiceHost.StartAsync(database, unreachable, prefix))
        {
            await SaveWithOutboxAsync(NewEvent("王芳"));
            var attempts = await Eventually.MatchAsync(
                () => ServiceHost.OpenDb(database).Set<OutboxMessage>().Select(m => m.Attempts).SingleAsync(),
                n => n > 0, TimeSpan.FromSeconds(30), "the relay should try and fail while the broker is unreachable");
            Assert.True(attempts > 0);
        }

        Assert.Equal(1, await CountOutboxAsync());
        await using var service = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix);
        Assert.Single(await service.EffectsEventuallyAsync(1));
        await ServiceHost.OutboxEmptiesAsync(database);
    }

    [Fact]
    public async Task A_redelivered_event_changes_nothing_the_second_time()
    {
        await using var service = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix);
        await service.WaitUntilReadyAsync();
        var bus = service.Services.GetRequiredService<IBus>();
        var registered = NewEvent("赵强");

        // The same event three times, two of them at once: the way a crash after publish or a broker redelivery looks.
        await Task.WhenAll(PublishAsync(bus, registered), PublishAsync(bus, registered));
        await PublishAsync(bus, registered);
        await PublishAsync(bus, NewEvent("marker"));

        var effects = await service.EffectsEventuallyAsync(2);
        await Task.Delay(500); // let any late duplicate land before counting
        effects = await service.WithDbAsync(db => db.Effects.AsNoTracking().ToListAsync());
        Assert.Single(effects, e => e.EventId == registered.EventId);
        Assert.Equal(2, effects.Count);
    }

    [Fact]
    public async Task A_poison_message_lands_in_the_error_queue_and_the_next_message_still_flows()
    {
        await using var service = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix);
        await service.WaitUntilReadyAsync();
        await SaveWithOutboxAsync(NewEvent(RecordingConsumer.PoisonName));
        var healthy = NewEvent("陈静");
        await SaveWithOutboxAsync(healthy);

        var effects = await service.EffectsEventuallyAsync(1);
        Assert.Equal(healthy.EventId, Assert.Single(effects).EventId);
        var inError = await Eventually.MatchAsync(() => Infra.CountMessagesAsync(service.ErrorQueue), n => n == 1, because: "the poison message should be in _error");
        Assert.Equal(1u, inError);
        await ServiceHost.OutboxEmptiesAsync(database);
    }

    [Fact]
    public async Task Trace_continues_from_the_request_through_the_outbox_to_the_consumer()
    {
        await using var service = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix);
        await service.WaitUntilReadyAsync();

        string traceId;
        using (var request = TestSource.StartActivity("POST /members", ActivityKind.Server))
        {
            Assert.NotNull(request);
            traceId = request.TraceId.ToString();
            await SaveWithOutboxAsync(NewEvent("周敏"));
        }

        var effect = Assert.Single(await service.EffectsEventuallyAsync(1));
        Assert.Equal(traceId, effect.TraceId);
    }

    [Fact]
    public async Task Two_relays_on_one_database_publish_every_event_exactly_once()
    {
        await using var first = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix);
        await using var second = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix, withConsumer: false);
        await first.WaitUntilReadyAsync();

        var events = Enumerable.Range(1, 200).Select(i => NewEvent($"党员{i}")).ToList();
        foreach (var chunk in events.Chunk(20))
        {
            await SaveWithOutboxAsync(chunk);
        }

        var effects = await first.EffectsEventuallyAsync(events.Count);
        await Task.Delay(500);
        var inbox = await first.WithDbAsync(db => db.Set<InboxMessage>().CountAsync());
        Assert.Equal(events.Count, inbox);
        Assert.Equal(events.Select(e => e.EventId).Order(), effects.Select(e => e.EventId).Order());
        await ServiceHost.OutboxEmptiesAsync(database);
    }

    [Fact]
    public async Task A_subscriber_binds_to_the_exchange_named_after_the_contract_urn_and_receives_the_event()
    {
        await using var service = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix, withConsumer: false);
        var queue = $"{prefix}-external";
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = Infra.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var exchange = ContractEntityNameFormatter.ExchangeNameOf(typeof(MemberRegistered));
        Assert.Equal("lishui.membership.member-registered.v1", exchange);
        await channel.ExchangeDeclareAsync(exchange, "fanout", durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue, exchange, string.Empty);

        var registered = NewEvent("林晓");
        await SaveWithOutboxAsync(registered);

        var delivered = await Eventually.MatchAsync(() => channel.BasicGetAsync(queue, autoAck: true), m => m is not null, because: "the event should reach the bound queue");
        var body = System.Text.Encoding.UTF8.GetString(delivered!.Body.Span);
        Assert.Contains(registered.EventId.ToString(), body);
        Assert.Contains("urn:message:lishui:membership:member-registered:v1", body);
    }

    /// <summary>
    /// Declares the subscriber's queue, as a deployed subscriber would have long before: RabbitMQ
    /// drops what is published to an exchange no queue is bound to.
    /// </summary>
    private async Task SubscribeAsync()
    {
        await using var subscriber = await ServiceHost.StartAsync(database, Infra.RabbitMq, prefix);
        await subscriber.WaitUntilReadyAsync();
    }

    internal static MemberRegistered NewEvent(string name)
    {
        var now = DateTimeOffset.UtcNow;
        var memberId = Guid.CreateVersion7(now);
        return new MemberRegistered
        {
            EventId = Guid.CreateVersion7(now),
            OccurredAt = now,
            AggregateId = memberId,
            OrganisationId = RecordingConsumer.Organisation,
            Sequence = 1,
            MemberId = memberId,
            Name = name,
            Status = MemberStatus.Probationary,
            JoinedOn = new DateOnly(2020, 7, 1),
        };
    }

    internal static Task PublishAsync(IBus bus, MemberRegistered message) =>
        bus.PublishWithinDeadlineAsync(message, context => context.MessageId = message.EventId);

    private Task SaveWithOutboxAsync(params MemberRegistered[] events) => ServiceHost.SaveWithOutboxAsync(database, events);

    private Task<int> CountOutboxAsync() => ServiceHost.CountOutboxAsync(database);
}
