using Lishui.Notification.PublicEvents.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Lishui.Notification.PublicEvents.Broker;

/// <summary>
/// Publishes the AMQP outbox to the public exchange with publisher confirms, in id order, and deletes
/// each batch only after the broker confirmed it. Several replicas share the work (SKIP LOCKED);
/// a crash between confirm and delete publishes a batch again, which subscribers drop by <c>id</c>.
/// </summary>
public sealed partial class AmqpRelay(IServiceScopeFactory scopes, PublicBroker broker, IOptions<PublicEventsOptions> options, ILogger<AmqpRelay> log)
    : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IChannel? channel = null;
        var backoff = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (channel is not { IsOpen: true })
                {
                    channel = await broker.ConfirmingChannelAsync(stoppingToken);
                }

                var published = await PublishBatchAsync(channel, stoppingToken);
                backoff = TimeSpan.FromMilliseconds(500);
                if (published < BatchSize)
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
                LogFailed(log, backoff, e);
                if (channel is not null)
                {
                    await channel.DisposeAsync();
                    channel = null;
                }

                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }

        if (channel is not null)
        {
            await channel.DisposeAsync();
        }
    }

    private async Task<int> PublishBatchAsync(IChannel channel, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PublicEventsDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await db.AmqpOutbox
            .FromSql($"SELECT * FROM public_events.amqp_outbox ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .AsNoTracking()
            .ToListAsync(ct);
        if (batch.Count == 0)
        {
            return 0;
        }

        try
        {
            // Publishes are pipelined; each task completes when the broker confirmed that message.
            var confirms = batch.Select(entry => channel.BasicPublishAsync(
                broker.Exchange, entry.Type, mandatory: false, PublicBroker.PropertiesOf(entry.EventId, entry.Type),
                System.Text.Encoding.UTF8.GetBytes(entry.Payload), ct).AsTask()).ToList();
            await Task.WhenAll(confirms);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            var ids = batch.Select(b => b.Id).ToList();
            await db.AmqpOutbox.Where(o => ids.Contains(o.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Attempts, o => o.Attempts + 1).SetProperty(o => o.LastError, e.Message), CancellationToken.None);
            throw;
        }

        var done = batch.Select(b => b.Id).ToList();
        await db.AmqpOutbox.Where(o => done.Contains(o.Id)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    [LoggerMessage(LogLevel.Warning, "Publishing public events failed; retrying in {Backoff}")]
    private static partial void LogFailed(ILogger logger, TimeSpan backoff, Exception e);
}
