using System.Text.Json.Serialization;
using MassTransit;

namespace Lishui.Contracts;

/// <summary>
/// Metadata every integration event carries. Subscribers deduplicate on <see cref="EventId"/>
/// and order per aggregate on <see cref="Sequence"/>. Producers set it with
/// <see cref="IntegrationEventExtensions.About{T}"/>; always present on the wire.
/// </summary>
[ExcludeFromTopology]
public abstract record IntegrationEvent
{
    /// <summary>UUIDv7, unique per event; the broker message id is the same value.</summary>
    [JsonRequired]
    public Guid EventId { get; init; }

    /// <summary>When the change happened (UTC).</summary>
    [JsonRequired]
    public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The aggregate the event is about.</summary>
    [JsonRequired]
    public Guid AggregateId { get; init; }

    /// <summary>The organisation the aggregate belongs to.</summary>
    [JsonRequired]
    public Guid OrganisationId { get; init; }

    /// <summary>Per-aggregate sequence number, starting at 1.</summary>
    [JsonRequired]
    public long Sequence { get; init; }

    /// <summary>Whether every metadata field was set (the outbox refuses an event without).</summary>
    public bool HasMetadata() =>
        EventId != Guid.Empty && AggregateId != Guid.Empty && OrganisationId != Guid.Empty && Sequence > 0 && OccurredAt != default;
}

public static class IntegrationEventExtensions
{
    /// <summary>Stamps an event with its metadata: a new UUIDv7 id, the time, the aggregate, its organisation and sequence.</summary>
    public static T About<T>(this T e, Guid aggregateId, Guid organisationId, long sequence, DateTimeOffset occurredAt)
        where T : IntegrationEvent =>
        e with
        {
            EventId = Guid.CreateVersion7(occurredAt),
            OccurredAt = occurredAt,
            AggregateId = aggregateId,
            OrganisationId = organisationId,
            Sequence = sequence,
        };
}
