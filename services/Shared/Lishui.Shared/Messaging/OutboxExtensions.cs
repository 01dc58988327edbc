using System.Diagnostics;
using System.Text.Json;
using Lishui.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

public static class OutboxExtensions
{
    /// <summary>
    /// Queues an integration event in the outbox. It is written by the caller's next
    /// <c>SaveChanges</c>, in the same transaction as the state change, and published by the relay.
    /// Aggregates record their events instead (<see cref="DomainEventsToOutbox"/> calls this); a direct
    /// call is for an event no aggregate records (the test and benchmark producers). The architecture
    /// tests keep it out of every service's Features code.
    /// </summary>
    public static void AddToOutbox(this DbContext db, IntegrationEvent @event)
    {
        if (!@event.HasMetadata())
        {
            throw new InvalidOperationException($"{@event.GetType().Name} lacks its metadata (id, time, aggregate, organisation, sequence); stamp it with About(...).");
        }

        var type = @event.GetType();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            EventId = @event.EventId,
            MessageUrn = ContractCatalog.UrnOf(type),
            Payload = JsonSerializer.Serialize(@event, type, ContractJson.Options),
            AggregateId = @event.AggregateId,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : null,
            CreatedAt = @event.OccurredAt,
        });
    }
}
