using System.Text.Json;
using System.Threading.Channels;
using Lishui.Shared.Messaging;
using Npgsql;
using NpgsqlTypes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Lishui.Benchmarks;

/// <summary>
/// The floor the platform's latency is read against: the same chain with the same guarantees,
/// written by hand with the least work. An empty minimal API writes the member row and its outbox
/// row in one transaction and answers 201; after the commit a relay publishes the event with a
/// publisher confirm and only then deletes the outbox row; a consumer on a durable quorum queue
/// writes an inbox row and the notification in one transaction and acks after the commit. It runs
/// in this process against the same servers, under the same load and meters as the platform.
/// </summary>
public static class LatencyFloor
{
    private const string Path = "/floor-members";

    public static async Task<LatencyFigures> MeasureAsync(Servers servers, LatencyLoad load, CancellationToken ct)
    {
        var membersDb = await servers.CreateDatabaseAsync("bench_floor_members", ct);
        var notificationsDb = await servers.CreateDatabaseAsync("bench_floor_notifications", ct);
        var queue = $"bench-floor-{Guid.NewGuid():N}"[..24];
        try
        {
            await ExecuteAsync(membersDb, """
                CREATE TABLE members (id uuid PRIMARY KEY, name text NOT NULL, registration jsonb NOT NULL);
                CREATE TABLE outbox (id uuid PRIMARY KEY, payload bytea NOT NULL);
                """, ct);
            await ExecuteAsync(notificationsDb, """
                CREATE TABLE inbox (message_id uuid PRIMARY KEY);
                CREATE TABLE notifications (
                  id uuid PRIMARY KEY, recipient_id uuid NOT NULL, title text NOT NULL, body text NOT NULL,
                  source_event_id uuid NOT NULL, created_at timestamptz NOT NULL);
                """ + LatencyRun.StoredTrigger, ct);

            await using var members = Pool(membersDb);
            await using var notifications = Pool(notificationsDb);
            await using var broker = await new ConnectionFactory { Uri = servers.RabbitMq }.CreateConnectionAsync(ct);
            // Declared by the consumer before the relay publishes to it: an unroutable event would come back.
            await using var consumer = await StartConsumerAsync(broker, queue, notifications, ct);
            await using var relay = await Relay.StartAsync(broker, queue, members, ct);
            await using var api = await StartApiAsync(members, relay, ct);
            using var client = new HttpClient { BaseAddress = new Uri(api.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
            return await LatencyRun.MeasureAsync(servers, client, Path, Guid.CreateVersion7(), notificationsDb,
                new Dictionary<string, string> { ["Membership"] = membersDb, ["Notification"] = notificationsDb }, load, ct);
        }
        finally
        {
            await servers.DeleteQueuesAsync([queue]);
            await servers.DropDatabaseAsync(membersDb);
            await servers.DropDatabaseAsync(notificationsDb);
        }
    }

    /// <summary>Handed back without DISCARD ALL, as the services' pools are.</summary>
    private static NpgsqlDataSource Pool(string database) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database) { NoResetOnClose = true }.ConnectionString);

    private static async Task<WebApplication> StartApiAsync(NpgsqlDataSource members, Relay relay, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost(Path, async (FloorRegistration registration, CancellationToken aborted) =>
        {
            var id = Guid.CreateVersion7();
            var registered = new FloorMemberRegistered(Guid.CreateVersion7(), DateTimeOffset.UtcNow, id, registration.OrganisationId, registration.Name);
            var payload = JsonSerializer.SerializeToUtf8Bytes(registered);
            // A batch without an explicit transaction ends in one Sync, so PostgreSQL runs it as one
            // implicit transaction: both rows commit or neither, in one round trip.
            await using var batch = members.CreateBatch();
            batch.BatchCommands.Add(Command("INSERT INTO members (id, name, registration) VALUES ($1, $2, $3)",
                id, registration.Name, new NpgsqlParameter { Value = JsonSerializer.Serialize(registration), NpgsqlDbType = NpgsqlDbType.Jsonb }));
            batch.BatchCommands.Add(Command("INSERT INTO outbox (id, payload) VALUES ($1, $2)", registered.EventId, payload));
            await batch.ExecuteNonQueryAsync(aborted);
            relay.Committed(new OutboxRow(registered.EventId, payload));
            return TypedResults.Created($"{Path}/{id}", new { id });
        });
        await app.StartAsync(ct);
        return app;
    }

    /// <summary>Prefetch and handlers at once as the platform's endpoints (MassTransit runs as many as it prefetches).</summary>
    private static async Task<IChannel> StartConsumerAsync(IConnection broker, string queue, NpgsqlDataSource notifications, CancellationToken ct)
    {
        var prefetch = new ConsumerRetryOptions().PrefetchCount;
        var channel = await broker.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: prefetch), ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: ct);
        await channel.BasicQosAsync(0, prefetch, false, ct);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            try
            {
                var e = JsonSerializer.Deserialize<FloorMemberRegistered>(delivery.Body.Span)
                    ?? throw new JsonException("an empty event");
                // One statement, so one transaction: the notification is written only when the inbox row was claimed.
                await using var store = notifications.CreateCommand("""
                    WITH claimed AS (INSERT INTO inbox (message_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING message_id)
                    INSERT INTO notifications (id, recipient_id, title, body, source_event_id, created_at)
                    SELECT $2, $3, $4, $5, message_id, now() FROM claimed
                    """);
                foreach (var value in new object[] { e.EventId, Guid.CreateVersion7(), e.MemberId, WelcomeTitle, WelcomeBody(e.Name) })
                {
                    store.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                await store.ExecuteNonQueryAsync(delivery.CancellationToken);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, delivery.CancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or JsonException)
            {
                Console.WriteLine($"  floor consumer: {e.Message}; back to the queue");
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, delivery.CancellationToken);
            }
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, ct);
        return channel;
    }

    private const string WelcomeTitle = "欢迎加入党员名册";

    private static string WelcomeBody(string name) => $"{name}同志：您好！您已登记在里水镇党员名册中。每周二是“党建星期二”，请按时参加第一议题学习。";

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static async Task ExecuteAsync(string database, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record OutboxRow(Guid Id, byte[] Payload);

    /// <summary>
    /// Publishes committed outbox rows, all that are waiting at once, each with a publisher confirm;
    /// deletes them once confirmed, and publishes them again after a failure. Rows are handed over in
    /// memory after the commit (one replica, so no polling); rows a crash left are read at start.
    /// </summary>
    private sealed class Relay : IAsyncDisposable
    {
        private readonly Channel<OutboxRow> committed = Channel.CreateUnbounded<OutboxRow>(new UnboundedChannelOptions { SingleReader = true });
        private readonly CancellationTokenSource stopping = new();
        private readonly IChannel channel;
        private readonly string queue;
        private readonly NpgsqlDataSource members;
        private Task running = Task.CompletedTask;

        private Relay(IChannel channel, string queue, NpgsqlDataSource members) => (this.channel, this.queue, this.members) = (channel, queue, members);

        public static async Task<Relay> StartAsync(IConnection broker, string queue, NpgsqlDataSource members, CancellationToken ct)
        {
            // Tracking makes each publish's task end with the broker's confirm (or fail with its nack or return).
            var channel = await broker.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
            var relay = new Relay(channel, queue, members);
            await using (var left = members.CreateCommand("SELECT id, payload FROM outbox ORDER BY id"))
            await using (var reader = await left.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    relay.Committed(new OutboxRow(reader.GetGuid(0), reader.GetFieldValue<byte[]>(1)));
                }
            }

            relay.running = relay.RunAsync();
            return relay;
        }

        public void Committed(OutboxRow row) => committed.Writer.TryWrite(row);

        private async Task RunAsync()
        {
            var rows = new List<OutboxRow>();
            try
            {
                while (rows.Count > 0 || await committed.Reader.WaitToReadAsync(stopping.Token))
                {
                    while (committed.Reader.TryRead(out var row))
                    {
                        rows.Add(row);
                    }

                    try
                    {
                        await Task.WhenAll(rows.Select(r => channel.BasicPublishAsync(string.Empty, queue, mandatory: true,
                            new BasicProperties { Persistent = true, ContentType = "application/json" }, r.Payload, stopping.Token).AsTask()));
                        await using var delete = members.CreateCommand("DELETE FROM outbox WHERE id = ANY($1)");
                        delete.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => r.Id).ToArray() });
                        await delete.ExecuteNonQueryAsync(stopping.Token);
                        rows.Clear();
                    }
                    catch (Exception e) when (e is PublishException or AlreadyClosedException or NpgsqlException)
                    {
                        Console.WriteLine($"  floor relay: {e.Message}; publishing again in 1 s");
                        await Task.Delay(TimeSpan.FromSeconds(1), stopping.Token);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // stopped; what was not confirmed stays in the outbox
            }
        }

        public async ValueTask DisposeAsync()
        {
            committed.Writer.Complete();
            stopping.CancelAfter(TimeSpan.FromSeconds(10));
            await running;
            stopping.Dispose();
            await channel.DisposeAsync();
        }
    }
}

/// <summary>The registration body, as the floor reads it.</summary>
internal sealed record FloorRegistration(
    string Name, string Gender, DateOnly BirthDate, DateOnly JoinedOn, DateOnly FullMemberOn, Guid OrganisationId, string IdNumber);

/// <summary>The floor's event: ids and a name, no ID number, as the platform's MemberRegistered.</summary>
internal sealed record FloorMemberRegistered(Guid EventId, DateTimeOffset OccurredAt, Guid MemberId, Guid OrganisationId, string Name);
