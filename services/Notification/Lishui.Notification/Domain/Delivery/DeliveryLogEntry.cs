namespace Lishui.Notification.Domain.Delivery;

/// <summary>What happened to a message, one row per step or attempt (append-only): the delivery log administrators read.</summary>
public sealed class DeliveryLogEntry
{
    private DeliveryLogEntry()
    {
        Outcome = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid DispatchId { get; private set; }

    public Guid SourceEventId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public Guid? RecipientId { get; private set; }

    /// <summary>Null for steps of the dispatch itself (parked, deferred, combined).</summary>
    public DeliveryChannel? Channel { get; private set; }

    /// <summary>Delivered, Sent, Failed, Skipped, FellBackToInbox, Parked, Deferred, Combined, Expanded.</summary>
    public string Outcome { get; private set; }

    public int Attempt { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Why it failed or waits; never contains an address or phone number.</summary>
    public string? Detail { get; private set; }

    public static DeliveryLogEntry For(Dispatch dispatch, DeliveryChannel? channel, string outcome, int attempt, string? detail, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            DispatchId = dispatch.Id,
            SourceEventId = dispatch.SourceEventId,
            Kind = dispatch.Kind,
            RecipientId = dispatch.RecipientId,
            Channel = channel,
            Outcome = outcome,
            Attempt = attempt,
            At = now,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        };

    public static DeliveryLogEntry For(ChannelDelivery delivery, Guid sourceEventId, string outcome, string? detail, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            DispatchId = delivery.DispatchId,
            SourceEventId = sourceEventId,
            Kind = delivery.Kind,
            RecipientId = delivery.RecipientId,
            Channel = delivery.Channel,
            Outcome = outcome,
            Attempt = delivery.Attempts,
            At = now,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        };
}
