using MassTransit;

namespace Lishui.Contracts;

/// <summary>
/// Metadata every integration event carries. Subscribers deduplicate on <see cref="EventId"/>
/// and order per aggregate on <see cref="Sequence"/>.
/// </summary>
[ExcludeFromTopology]
public abstract record IntegrationEvent
{
    /// <summary>UUIDv7, unique per event; the broker message id is the same value.</summary>
    public required Guid EventId { get; init; }

    /// <summary>When the change happened (UTC).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The aggregate the event is about.</summary>
    public required Guid AggregateId { get; init; }

    /// <summary>The organisation the aggregate belongs to.</summary>
    public required Guid OrganisationId { get; init; }

    /// <summary>Per-aggregate sequence number, starting at 1.</summary>
    public required long Sequence { get; init; }
}
