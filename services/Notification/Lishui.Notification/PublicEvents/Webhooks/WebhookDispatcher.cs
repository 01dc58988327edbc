using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using System.Net.Http.Headers;
using System.Text;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.PublicEvents.Webhooks;

/// <summary>
/// Sends due webhook deliveries as a pipeline: a claim loop leases due deliveries (so replicas never
/// send the same one at once), each is POSTed as soon as a slot is free, and a recorder writes the
/// outcomes in batches. A subscriber gets at most a few requests in flight and few claimed at a time,
/// so one that hangs until the timeout or answers 500 never holds up the others. A failure is retried
/// on the persisted schedule; when it is exhausted the subscriber is suspended and told so.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, IOptions<PublicEventsOptions> options, [FromKeyedServices(PublicEventsModule.Clock)] TimeProvider time, ILogger<WebhookDispatcher> log)
    : BackgroundService
{
    private const int PerSubscriberConcurrency = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false, MaxConnectionsPerServer = 64 })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private readonly Channel<(Claimed Delivery, Outcome Outcome)> outcomes = Channel.CreateBounded<(Claimed, Outcome)>(2000);
    private readonly ConcurrentDictionary<long, Guid> claimedNotRecorded = new();
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> perSubscriber = new();

    private WebhookOptions Settings => options.Value.Webhooks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recorder = Task.Run(() => RecordLoopAsync(stoppingToken), CancellationToken.None);
        using var slots = new SemaphoreSlim(Settings.Concurrency);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var room = Settings.BatchSize - claimedNotRecorded.Count;
                var claimed = room > 0 ? await ClaimAsync(room, stoppingToken) : [];
                foreach (var delivery in claimed)
                {
                    claimedNotRecorded[delivery.Id] = delivery.SubscriberId;
                    _ = SendAndReportAsync(delivery, slots, stoppingToken);
                }

                if (claimed.Count == 0)
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogRoundFailed(log, e);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        outcomes.Writer.TryComplete();
        await recorder;
    }

    /// <summary>Leases due deliveries of active subscribers, leaving out those that already have their share claimed.</summary>
    private async Task<List<Claimed>> ClaimAsync(int room, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var busy = claimedNotRecorded.Values.GroupBy(id => id).Where(g => g.Count() >= Settings.PerSubscriberBatch).Select(g => g.Key).ToArray();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PublicEventsDb>();
        return await db.Database.SqlQuery<Claimed>($"""
            UPDATE public_events.webhook_deliveries d
            SET locked_until = {now + Lease}
            FROM public_events.subscribers s
            WHERE s.id = d.subscriber_id
              AND d.id IN (
                SELECT id FROM (
                  SELECT w.id, row_number() OVER (PARTITION BY w.subscriber_id ORDER BY w.next_attempt_at, w.id) AS rn
                  FROM public_events.webhook_deliveries w
                  JOIN public_events.subscribers a ON a.id = w.subscriber_id AND a.status = 'Active'
                  WHERE w.status = 'Pending' AND w.next_attempt_at <= {now} AND (w.locked_until IS NULL OR w.locked_until < {now})
                    AND NOT (w.subscriber_id = ANY({busy}))
                ) due
                WHERE due.rn <= {Settings.PerSubscriberBatch}
                ORDER BY due.id
                LIMIT {room})
              AND (d.locked_until IS NULL OR d.locked_until < {now})
            RETURNING d.id, d.subscriber_id, d.event_id, d.payload, d.attempts, s.webhook_url AS url, s.webhook_secret AS secret
            """).ToListAsync(ct);
    }

    private async Task SendAndReportAsync(Claimed delivery, SemaphoreSlim slots, CancellationToken ct)
    {
        // The subscriber's own gate first: its queue of requests never occupies the shared slots.
        var own = perSubscriber.GetOrAdd(delivery.SubscriberId, _ => new SemaphoreSlim(PerSubscriberConcurrency));
        try
        {
            await own.WaitAsync(ct);
            try
            {
                await slots.WaitAsync(ct);
                try
                {
                    await outcomes.Writer.WriteAsync((delivery, await SendAsync(delivery, ct)), ct);
                }
                finally
                {
                    slots.Release();
                }
            }
            finally
            {
                own.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down: the lease runs out and the delivery is sent again later
        }
        catch (Exception e)
        {
            LogRoundFailed(log, e);
            claimedNotRecorded.TryRemove(delivery.Id, out _);
        }
    }

    /// <summary>Writes outcomes in batches: whatever has arrived, up to the batch size.</summary>
    private async Task RecordLoopAsync(CancellationToken ct)
    {
        var reader = outcomes.Reader;
        var batch = new List<(Claimed Delivery, Outcome Outcome)>();
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < Settings.BatchSize && reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                await RecordAsync(batch, CancellationToken.None);
            }
            catch (Exception e)
            {
                // Not recorded: the lease runs out and they are sent again (at-least-once; receivers dedupe by id).
                LogRoundFailed(log, e);
            }
            finally
            {
                foreach (var (delivery, _) in batch)
                {
                    claimedNotRecorded.TryRemove(delivery.Id, out _);
                }

                batch.Clear();
            }

            if (ct.IsCancellationRequested && !reader.TryPeek(out _))
            {
                break;
            }
        }
    }

    private async Task<Outcome> SendAsync(Claimed delivery, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        var at = time.GetUtcNow();
        var timestamp = at.ToUnixTimeSeconds();
        var id = delivery.EventId.ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.IdHeader, id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(delivery.Secret, id, timestamp, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Settings.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return new Outcome(response.IsSuccessStatusCode, code, response.IsSuccessStatusCode ? null : $"HTTP {code}", Elapsed(started), at);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            var error = e is OperationCanceledException ? $"no answer within {Settings.Timeout.TotalSeconds:0} s" : e.Message;
            return new Outcome(false, null, error, Elapsed(started), at);
        }
    }

    private async Task RecordAsync(List<(Claimed Delivery, Outcome Outcome)> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PublicEventsDb>();
        var now = time.GetUtcNow();
        var schedule = new RetrySchedule(Settings.RetrySchedule);
        var ids = batch.Select(b => b.Delivery.Id).ToList();
        var deliveries = await db.WebhookDeliveries.Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var exhausted = new Dictionary<Guid, string>();
        foreach (var (claimed, outcome) in batch)
        {
            var delivery = deliveries[claimed.Id];
            delivery.Attempts++;
            delivery.LockedUntil = null;
            delivery.LastStatusCode = outcome.StatusCode;
            delivery.LastError = outcome.Error;
            db.DeliveryAttempts.Add(new DeliveryAttempt
            {
                DeliveryId = delivery.Id, SubscriberId = delivery.SubscriberId, EventId = delivery.EventId, Attempt = delivery.Attempts,
                AttemptedAt = outcome.At, StatusCode = outcome.StatusCode, Error = outcome.Error, DurationMs = outcome.DurationMs,
            });
            if (outcome.Success)
            {
                delivery.Status = WebhookDeliveryStatus.Delivered;
                delivery.DeliveredAt = now;
            }
            else if (schedule.NextAttempt(delivery.Attempts, now) is { } next)
            {
                delivery.NextAttemptAt = next;
            }
            else
            {
                delivery.Status = WebhookDeliveryStatus.Failed;
                exhausted.TryAdd(delivery.SubscriberId, $"{delivery.Attempts} attempts to deliver {delivery.EventId} failed since {delivery.CreatedAt:u}; last: {outcome.Error}");
            }
        }

        foreach (var (subscriberId, reason) in exhausted)
        {
            var subscriber = await db.Subscribers.FirstAsync(s => s.Id == subscriberId, ct);
            if (subscriber.Suspend(reason, now))
            {
                LogSuspended(log, subscriber.Name, reason);
                db.Notices.Add(new SubscriberNotice(Guid.CreateVersion7(now), subscriber.Id, "Suspended",
                    $"订阅方“{subscriber.Name}”的 Webhook 地址长时间无法接收事件，已暂停推送。未送达的事件已保留；修复后请调用 POST /public-events/subscribers/{subscriber.Id}/reactivate 恢复推送。原因：{reason}",
                    $"Webhook deliveries to subscriber '{subscriber.Name}' kept failing and were suspended. Undelivered events are kept; after fixing the endpoint call POST /public-events/subscribers/{subscriber.Id}/reactivate. Reason: {reason}",
                    now));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static int Elapsed(long started) => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    public override void Dispose()
    {
        http.Dispose();
        foreach (var gate in perSubscriber.Values)
        {
            gate.Dispose();
        }

        base.Dispose();
    }

    [LoggerMessage(LogLevel.Warning, "Webhook dispatch round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception e);

    [LoggerMessage(LogLevel.Warning, "Public-event subscriber {Name} suspended: {Reason}")]
    private static partial void LogSuspended(ILogger logger, string name, string reason);

    internal sealed record Claimed(long Id, Guid SubscriberId, Guid EventId, string Payload, int Attempts, string Url, string Secret);

    internal sealed record Outcome(bool Success, int? StatusCode, string? Error, int DurationMs, DateTimeOffset At);
}
