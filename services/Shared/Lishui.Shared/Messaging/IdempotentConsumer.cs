using Lishui.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

/// <summary>
/// Base for every consumer of integration events. The inbox row (event id, consumer) and the
/// consumer's effect commit in one transaction, so a redelivered or duplicated event changes nothing.
/// Events the handler publishes go through the outbox in that same transaction.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db) : IConsumer<TMessage>
    where TMessage : IntegrationEvent
    where TDbContext : DbContext
{
    protected TDbContext Db => db;

    /// <summary>The name the inbox records; stable across deployments (not the endpoint, which config can change).</summary>
    protected virtual string ConsumerName => GetType().FullName!;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var ct = context.CancellationToken;
        db.ChangeTracker.Clear(); // a retry must not see entities tracked by the failed attempt

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A failed save abandons the whole transaction, so EF's savepoint around SaveChanges would only cost two round trips.
        db.Database.AutoSavepointsEnabled = false;
        var claimed = await db.Database.ExecuteSqlRawAsync(MessagingModel.ClaimEventSql(db), [context.Message.EventId, ConsumerName], ct);
        if (claimed == 0)
        {
            return; // already applied; a concurrent duplicate waits on the key above and lands here too
        }

        await HandleAsync(context.Message, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    protected abstract Task HandleAsync(TMessage message, CancellationToken ct);
}
