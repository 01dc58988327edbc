namespace Lishui.Shared.Messaging;

/// <summary>
/// An integration event waiting to be published. Written in the same transaction as the state
/// change it describes; the relay deletes it once the broker has confirmed it.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Insertion order; the relay publishes in this order.</summary>
    public long Id { get; private set; }

    public Guid EventId { get; init; }

    /// <summary>The contract's pinned URN (never a CLR type name).</summary>
    public required string MessageUrn { get; init; }

    public required string Payload { get; init; }

    public Guid AggregateId { get; init; }

    /// <summary>W3C traceparent of the request that caused the event, so the trace continues.</summary>
    public string? TraceParent { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>Record that a consumer has applied a message: written in the same transaction as the effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
