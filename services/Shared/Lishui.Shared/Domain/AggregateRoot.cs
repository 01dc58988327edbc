using Lishui.Contracts;

namespace Lishui.Shared.Domain;

/// <summary>
/// The root of an aggregate: checks its rules, numbers its changes and records what happened. The
/// recorded events are the published contracts themselves (stamped with their metadata), since a
/// contract is the shape the change leaves the service in; the outbox interceptor writes them in the
/// same SaveChanges as the aggregate and clears them.
/// </summary>
public abstract class AggregateRoot
{
    private readonly List<IntegrationEvent> domainEvents = [];

    /// <summary>Per-aggregate sequence of published changes; events carry it.</summary>
    public long Version { get; protected set; }

    /// <summary>What happened to this aggregate since it was last saved, in order.</summary>
    public IReadOnlyList<IntegrationEvent> DomainEvents => domainEvents;

    protected static void CheckRule(IBusinessRule rule) => Rules.Check(rule);

    /// <summary>Called once per change that publishes an event; returns the new sequence number.</summary>
    protected long NextVersion() => ++Version;

    /// <summary>Records an event already stamped with its metadata; refused without it, where the mistake is made.</summary>
    protected void AddDomainEvent(IntegrationEvent @event)
    {
        if (!@event.HasMetadata())
        {
            throw new InvalidOperationException($"{@event.GetType().Name} lacks its metadata (id, time, aggregate, organisation, sequence); stamp it with About(...).");
        }

        domainEvents.Add(@event);
    }

    /// <summary>Takes the next version and records <paramref name="event"/> with it as the sequence number.</summary>
    protected void Record<T>(T @event, Guid aggregateId, Guid organisationId, DateTimeOffset now)
        where T : IntegrationEvent =>
        AddDomainEvent(@event.About(aggregateId, organisationId, NextVersion(), now));

    /// <summary>Forgets the recorded events once they are in the outbox.</summary>
    public void ClearDomainEvents() => domainEvents.Clear();
}
