using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Lishui.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lishui.Shared.Messaging;

/// <summary>
/// <see cref="IdempotentConsumer{TMessage,TDbContext}"/> for high-volume events, a batch at a time:
/// one transaction claims the inbox rows of the whole batch and commits the effects of every newly
/// claimed event with them, so a batch costs one commit instead of one per event. An event already
/// in the inbox, or twice in one batch, is applied once. The broker's messages are acknowledged only
/// after the commit, so a crash redelivers the whole batch and the inbox drops what had committed.
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage, TDbContext>(TDbContext db) : IConsumer<Batch<TMessage>>
    where TMessage : IntegrationEvent
    where TDbContext : DbContext
{
    protected TDbContext Db => db;

    /// <summary>The name the inbox records; the same as the one-at-a-time consumer it replaced, so its inbox rows still count.</summary>
    protected virtual string ConsumerName => GetType().FullName!;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var ct = context.CancellationToken;
        var messages = context.Message.Select(m => m.Message).DistinctBy(m => m.EventId).ToList();
        try
        {
            await ApplyAsync(messages, ct);
        }
        catch (Exception e) when (messages.Count > 1 && !IsTransient(e))
        {
            // One message the handler cannot apply must not hold back the rest: each alone, then
            // the failure is rethrown so retry and the _error queue see it. MassTransit fails a batch
            // as a whole, except for messages whose delivery was reported as consumed: those are
            // acknowledged, so only the failing one goes on to retry and _error.
            Exception? failed = null;
            foreach (var message in messages)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await ApplyAsync([message], ct);
                }
                catch (Exception each)
                {
                    failed ??= each;
                    continue;
                }

                await ReportConsumedAsync(context.Message, message.EventId, Stopwatch.GetElapsedTime(started));
            }

            if (failed is not null)
            {
                ExceptionDispatchInfo.Throw(failed);
            }
        }
    }

    /// <summary>Every delivery of the event in the batch (a copy may have come twice) counts as consumed.</summary>
    private Task ReportConsumedAsync(Batch<TMessage> batch, Guid eventId, TimeSpan duration) =>
        Task.WhenAll(batch.Where(c => c.Message.EventId == eventId)
            .Select(c => c.NotifyConsumed(c, duration, ConsumerName)));

    /// <summary>The events of the batch not applied before, in delivery order; effects are saved by the caller.</summary>
    protected abstract Task HandleBatchAsync(IReadOnlyList<TMessage> messages, CancellationToken ct);

    private async Task ApplyAsync(IReadOnlyList<TMessage> messages, CancellationToken ct)
    {
        db.ChangeTracker.Clear(); // a retry must not see entities tracked by the failed attempt
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A failed save abandons the whole transaction, so EF's savepoint around SaveChanges would only cost two round trips.
        db.Database.AutoSavepointsEnabled = false;

        // Claimed in key order, so two batches sharing events wait on each other instead of deadlocking.
        var ids = messages.Select(m => m.EventId).Order().ToArray();
        var claimed = (await db.Database.SqlQueryRaw<Guid>(MessagingModel.ClaimEventsSql(db), ConsumerName, ids).ToListAsync(ct)).ToHashSet();
        if (claimed.Count == 0)
        {
            return; // all applied before
        }

        await HandleBatchAsync(messages.Where(m => claimed.Contains(m.EventId)).ToList(), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Worth retrying the batch as a whole: a conflict with another writer or the database being unavailable.</summary>
    private static bool IsTransient(Exception e) =>
        e is DbUpdateConcurrencyException or OperationCanceledException or TimeoutException
        || e is NpgsqlException { IsTransient: true }
        || e.InnerException is NpgsqlException { IsTransient: true };
}
