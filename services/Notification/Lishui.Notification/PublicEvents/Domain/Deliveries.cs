namespace Lishui.Notification.PublicEvents.Domain;

public enum WebhookDeliveryStatus
{
    Pending,
    Delivered,

    /// <summary>Retries exhausted; the subscriber was suspended. Reactivation sends it again.</summary>
    Failed,
}

/// <summary>One public event on its way to one webhook subscriber, with its own retry schedule.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; private set; }

    public Guid SubscriberId { get; init; }

    /// <summary>The CloudEvent id; also the <c>webhook-id</c> header, the same on every retry.</summary>
    public Guid EventId { get; init; }

    public required string Type { get; init; }

    public required string Payload { get; init; }

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public int? LastStatusCode { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public Guid? ReplayId { get; init; }
}

/// <summary>One HTTP attempt, for the subscriber's delivery log.</summary>
public sealed class DeliveryAttempt
{
    public long Id { get; private set; }

    public long DeliveryId { get; init; }

    public Guid SubscriberId { get; init; }

    public Guid EventId { get; init; }

    public int Attempt { get; init; }

    public DateTimeOffset AttemptedAt { get; init; }

    public int? StatusCode { get; init; }

    public string? Error { get; init; }

    public int DurationMs { get; init; }
}

/// <summary>
/// Retry schedule of a webhook delivery: exponential-ish, spread over hours, after which the
/// subscriber is suspended. Plain function of the attempt count so it is testable without a clock.
/// </summary>
public sealed class RetrySchedule(IReadOnlyList<TimeSpan> delays)
{
    public static readonly TimeSpan[] Default =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public IReadOnlyList<TimeSpan> Delays { get; } = delays.Count > 0 ? delays : Default;

    /// <summary>When to try again after <paramref name="failedAttempts"/> failures; null when it is time to give up.</summary>
    public DateTimeOffset? NextAttempt(int failedAttempts, DateTimeOffset now) =>
        failedAttempts <= Delays.Count ? now + Delays[failedAttempts - 1] : null;
}

public enum ReplayStatus
{
    Pending,
    Running,
    Completed,
    Failed,
}

/// <summary>A subscriber's request to receive archived events of a time range again (backfill).</summary>
public sealed class Replay
{
    public Guid Id { get; init; }

    public Guid SubscriberId { get; init; }

    public DateTimeOffset From { get; init; }

    public DateTimeOffset To { get; init; }

    public List<string> Types { get; init; } = [];

    public ReplayStatus Status { get; set; }

    public long Total { get; set; }

    public long Processed { get; set; }

    public DateTimeOffset? CursorTime { get; set; }

    public long? CursorSeq { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }

    public required string RequestedBy { get; init; }

    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? Error { get; set; }
}
