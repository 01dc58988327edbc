using Lishui.Notification.PublicEvents.Broker;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Lishui.Notification.PublicEvents.Replays;

/// <summary>
/// Runs replays in the background: reads the archive in (time, seq) order from where it left off and
/// sends each event again, unchanged (same <c>id</c>), to the one subscriber who asked: straight into its
/// queue, or as webhook deliveries. Progress and the cursor are saved after every batch, so a restart
/// carries on where it stopped; a lease keeps two replicas from running the same replay.
/// </summary>
public sealed partial class ReplayWorker(
    IServiceScopeFactory scopes, PublicBroker broker, IOptions<PublicEventsOptions> options,
    [FromKeyedServices(PublicEventsModule.Clock)] TimeProvider time, ILogger<ReplayWorker> log) : BackgroundService
{
    private const int BatchSize = 500;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextBatchAsync(stoppingToken))
                {
                    await Task.Delay(options.Value.PollInterval * 4, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogFailed(log, e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Advances one replay by one batch; false when there was nothing to do.</summary>
    private async Task<bool> RunNextBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PublicEventsDb>();
        var now = time.GetUtcNow();
        var leased = await db.Database.SqlQuery<Guid>($"""
            UPDATE public_events.replays SET locked_until = {now + Lease}, status = 'Running', started_at = coalesce(started_at, {now})
            WHERE id = (SELECT id FROM public_events.replays
                        WHERE status IN ('Pending', 'Running') AND (locked_until IS NULL OR locked_until < {now})
                        ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (leased.Count == 0)
        {
            return false;
        }

        var replay = await db.Replays.FirstAsync(r => r.Id == leased[0], ct);
        var subscriber = await db.Subscribers.AsNoTracking().FirstAsync(s => s.Id == replay.SubscriberId, ct);
        try
        {
            if (replay.Processed == 0 && replay.CursorTime is null)
            {
                replay.Total = await Selection(db, replay).LongCountAsync(ct);
            }

            var query = Selection(db, replay);
            if (replay.CursorTime is { } cursorTime && replay.CursorSeq is { } cursorSeq)
            {
                query = query.Where(a => a.Time > cursorTime || (a.Time == cursorTime && a.Seq > cursorSeq));
            }

            var batch = await query.OrderBy(a => a.Time).ThenBy(a => a.Seq).Take(BatchSize).AsNoTracking().ToListAsync(ct);
            if (batch.Count > 0)
            {
                await SendAsync(db, replay, subscriber, batch, ct);
                replay.Processed += batch.Count;
                replay.CursorTime = batch[^1].Time;
                replay.CursorSeq = batch[^1].Seq;
            }

            if (batch.Count < BatchSize)
            {
                replay.Status = ReplayStatus.Completed;
                replay.CompletedAt = time.GetUtcNow();
                replay.Total = Math.Max(replay.Total, replay.Processed);
                LogCompleted(log, replay.Id, subscriber.Name, replay.Processed);
            }

            replay.LockedUntil = null;
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            replay.Error = e.Message;
            replay.LockedUntil = null;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private static IQueryable<ArchivedEvent> Selection(PublicEventsDb db, Replay replay) =>
        db.Archive.Where(a => a.Time >= replay.From && a.Time < replay.To && replay.Types.Contains(a.Type));

    private async Task SendAsync(PublicEventsDb db, Replay replay, Subscriber subscriber, List<ArchivedEvent> batch, CancellationToken ct)
    {
        if (subscriber.Delivery == DeliveryMode.Webhook)
        {
            var now = time.GetUtcNow();
            db.WebhookDeliveries.AddRange(batch.Select(a => new WebhookDelivery
            {
                SubscriberId = subscriber.Id, EventId = a.Id, Type = a.Type, Payload = a.Payload, Status = WebhookDeliveryStatus.Pending,
                NextAttemptAt = now, CreatedAt = now, ReplayId = replay.Id,
            }));
            return;
        }

        // Straight into the subscriber's own queue (default exchange), confirmed before progress is saved.
        await using var channel = await broker.ConfirmingChannelAsync(ct);
        var replayId = replay.Id.ToString();
        await Task.WhenAll(batch.Select(a => channel.BasicPublishAsync(
            string.Empty, subscriber.AmqpQueue!, mandatory: true, PublicBroker.PropertiesOf(a.Id, a.Type, replayId),
            System.Text.Encoding.UTF8.GetBytes(a.Payload), ct).AsTask()));
    }

    [LoggerMessage(LogLevel.Warning, "Replay batch failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception e);

    [LoggerMessage(LogLevel.Information, "Replay {ReplayId} for {Subscriber} completed: {Processed} events")]
    private static partial void LogCompleted(ILogger logger, Guid replayId, string subscriber, long processed);
}
