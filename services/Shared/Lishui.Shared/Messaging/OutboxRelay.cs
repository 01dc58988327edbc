using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Lishui.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lishui.Shared.Messaging;

/// <summary>
/// Publishes committed outbox rows through MassTransit (publisher confirms on) and deletes each row
/// only after the broker confirmed it. A batch is published concurrently, but an aggregate's rows
/// one after another in insertion order, each after the confirm of the one before. Several
/// replicas are safe: a transaction-scoped advisory lock lets one relay publish a batch at a time
/// (which keeps the per-aggregate order across batches), and rows are taken <c>FOR UPDATE SKIP
/// LOCKED</c>. A crash after publish and before delete re-sends the row; consumers deduplicate on
/// the event id.
/// </summary>
public sealed partial class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IOutboxPublisher publisher,
    IOptions<OutboxRelayOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay<TDbContext>> log) : BackgroundService
    where TDbContext : DbContext
{
    public static readonly ActivitySource ActivitySource = new("Lishui.Outbox");

    // Any fixed number works: it only has to be the same for every replica of one service database.
    public const long RelayLockKey = 0x4C5F4F5554424F58;

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    private OutboxRelayOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<TDbContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException($"{typeof(TDbContext).Name} has no connection string.");
        }

        var listening = ListenAsync(connectionString, stoppingToken);
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var taken = await PublishBatchAsync(connectionString, stoppingToken);
                backoff = TimeSpan.Zero;
                if (taken == Options.BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, Options.MaxBackoff.Ticks));
                LogRelayFailed(e, backoff);
                await DelayAsync(backoff, stoppingToken);
                continue;
            }

            await WaitForWakeAsync(stoppingToken);
        }

        await listening;
    }

    private async Task<int> PublishBatchAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        // The advisory lock is taken by the claiming statement itself (an InitPlan, run once before the
        // scan), a round trip saved per batch: without it, no row is read and the batch is empty, as
        // when another replica is publishing this database's outbox.
        var rows = new List<PendingRow>(Options.BatchSize);
        await using (var select = new NpgsqlCommand(
            $"SELECT id, event_id, message_urn, payload::text, trace_parent, aggregate_id FROM {MessagingModel.OutboxTable} WHERE (SELECT pg_try_advisory_xact_lock($2)) ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED",
            connection, tx))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = Options.BatchSize });
            select.Parameters.Add(new NpgsqlParameter { Value = RelayLockKey });
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new PendingRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetGuid(5)));
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var outcome = await PublishAllAsync(rows, ct);

        if (outcome.Failed.Count > 0)
        {
            await using var mark = new NpgsqlCommand(
                $"UPDATE {MessagingModel.OutboxTable} SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1)", connection, tx);
            mark.Parameters.Add(new NpgsqlParameter { Value = outcome.Failed.ToArray() });
            mark.Parameters.Add(new NpgsqlParameter { Value = Truncate(outcome.FirstError!.Message, 2000) });
            await mark.ExecuteNonQueryAsync(CancellationToken.None);
        }

        if (outcome.Confirmed.Count > 0)
        {
            await using var delete = new NpgsqlCommand($"DELETE FROM {MessagingModel.OutboxTable} WHERE id = ANY($1)", connection, tx);
            delete.Parameters.Add(new NpgsqlParameter { Value = outcome.Confirmed.ToArray() });
            await delete.ExecuteNonQueryAsync(CancellationToken.None);
        }

        // Commit even when stopping: what the broker confirmed must not be sent again needlessly.
        await tx.CommitAsync(CancellationToken.None);
        if (outcome.Confirmed.Count > 0)
        {
            LogPublished(outcome.Confirmed.Count);
        }

        if (outcome.FirstError is not null)
        {
            throw new OutboxPublishException(
                $"Publishing outbox row {outcome.Failed.Min()} failed; {outcome.Confirmed.Count} of {rows.Count} rows were confirmed.", outcome.FirstError);
        }

        return rows.Count;
    }

    /// <summary>
    /// Publishes a batch concurrently, one chain per aggregate: within a chain each row waits for
    /// the broker's confirm of the row before it, so an aggregate's events reach the queues in
    /// order. A chain stops at its first failure (nothing after it may overtake it); only
    /// confirmed rows are reported for deletion.
    /// </summary>
    private async Task<BatchOutcome> PublishAllAsync(List<PendingRow> rows, CancellationToken ct)
    {
        var confirmed = new List<long>(rows.Count);
        var failed = new List<long>();
        Exception? firstError = null;
        using var inFlight = new SemaphoreSlim(Math.Max(1, Options.MaxConcurrentPublishes));

        async Task PublishChainAsync(List<PendingRow> chain)
        {
            foreach (var row in chain)
            {
                await inFlight.WaitAsync(CancellationToken.None);
                try
                {
                    await PublishAsync(row, ct);
                    lock (confirmed)
                    {
                        confirmed.Add(row.Id);
                    }
                }
                catch (Exception e)
                {
                    lock (confirmed)
                    {
                        failed.Add(row.Id);
                        firstError ??= e;
                    }

                    return;
                }
                finally
                {
                    inFlight.Release();
                }
            }
        }

        var chains = new Dictionary<Guid, List<PendingRow>>();
        foreach (var row in rows)
        {
            if (!chains.TryGetValue(row.AggregateId, out var chain))
            {
                chains[row.AggregateId] = chain = [];
            }

            chain.Add(row); // rows arrive ordered by id, so each chain is in insertion order
        }

        await Task.WhenAll(chains.Values.Select(PublishChainAsync));
        return new BatchOutcome(confirmed, failed, firstError);
    }

    private async Task PublishAsync(PendingRow row, CancellationToken ct)
    {
        var type = ContractCatalog.TypeOf(row.Urn);
        var message = JsonSerializer.Deserialize(row.Payload, type, ContractJson.Options)
            ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty payload.");

        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.EventId);
        activity?.SetTag("lishui.message_urn", row.Urn);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Options.PublishTimeout);
        await publisher.PublishAsync(message, type, row.EventId, timeout.Token);
    }

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // Unpooled: a connection still listening must never be handed to anyone else.
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
                await connection.OpenAsync(ct);
                connection.Notification += (_, _) => wake.Writer.TryWrite(true);
                await using (var listen = new NpgsqlCommand($"LISTEN {MessagingModel.OutboxChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(ct);
                }

                wake.Writer.TryWrite(true); // rows committed while nobody listened
                while (!ct.IsCancellationRequested)
                {
                    await connection.WaitAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogListenFailed(e);
                await DelayAsync(TimeSpan.FromSeconds(2), ct);
            }
        }
    }

    private async Task WaitForWakeAsync(CancellationToken ct)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
        poll.CancelAfter(Options.PollInterval);
        try
        {
            await wake.Reader.ReadAsync(poll.Token);
        }
        catch (OperationCanceledException)
        {
            // poll interval elapsed (or stopping): look at the table anyway
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private sealed record PendingRow(long Id, Guid EventId, string Urn, string Payload, string? TraceParent, Guid AggregateId);

    private sealed record BatchOutcome(List<long> Confirmed, List<long> Failed, Exception? FirstError);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox relay published {Count} events")]
    private partial void LogPublished(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay could not publish; rows wait, retrying in {Backoff}")]
    private partial void LogRelayFailed(Exception e, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox LISTEN connection lost; falling back to polling until it reconnects")]
    private partial void LogListenFailed(Exception e);
}

public sealed class OutboxPublishException(string message, Exception inner) : Exception(message, inner);
