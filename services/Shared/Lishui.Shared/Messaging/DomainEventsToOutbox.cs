using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lishui.Shared.Messaging;

/// <summary>
/// Turns the events recorded by tracked aggregates into outbox rows of the same SaveChanges, so they
/// commit (or fail) with the state change, and clears them from the aggregates. A retry of a failed
/// SaveChanges on the same context finds the rows still added and writes them once.
/// </summary>
public sealed class DomainEventsToOutbox : SaveChangesInterceptor
{
    public static readonly DomainEventsToOutbox Instance = new();

    private DomainEventsToOutbox()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MoveToOutbox(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        MoveToOutbox(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void MoveToOutbox(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        var recording = db.ChangeTracker.Entries<AggregateRoot>()
            .Select(e => e.Entity)
            .Where(a => a.DomainEvents.Count > 0)
            .ToList();
        foreach (var aggregate in recording)
        {
            foreach (var @event in aggregate.DomainEvents)
            {
                db.AddToOutbox(@event);
            }

            aggregate.ClearDomainEvents();
        }
    }
}
