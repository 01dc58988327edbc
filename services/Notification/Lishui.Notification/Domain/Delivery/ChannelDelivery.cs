namespace Lishui.Notification.Domain.Delivery;

/// <summary>Channels besides the in-app inbox, which always receives a member's messages.</summary>
public enum DeliveryChannel
{
    Inbox,
    Email,
    Sms,
    InstantMessage,
}

public enum ChannelDeliveryStatus
{
    Pending,
    Sent,

    /// <summary>No address for this channel (e.g. no e-mail on the roll): nothing to retry.</summary>
    Skipped,

    /// <summary>Failed after every retry; the message is in the member's inbox.</summary>
    FellBackToInbox,

    /// <summary>A resident's message failed every retry; retried again later, slowly.</summary>
    Parked,
}

/// <summary>
/// One message on one external channel: its retry schedule survives restarts. The text is kept for
/// the retries; the address is fetched anew for every attempt and never stored.
/// </summary>
public sealed class ChannelDelivery
{
    private ChannelDelivery()
    {
        Title = Body = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid DispatchId { get; private set; }

    public Guid? NotificationId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// <summary>The member, or null for a resident (then <see cref="ContactHeldBy"/> and <see cref="ContactRequestId"/>).</summary>
    public Guid? RecipientId { get; private set; }

    public string? ContactHeldBy { get; private set; }

    public Guid? ContactRequestId { get; private set; }

    public DeliveryChannel Channel { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    public ChannelDeliveryStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ChannelDelivery Schedule(Dispatch dispatch, Guid? notificationId, NotificationKind kind, DeliveryChannel channel, NotificationText text, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            DispatchId = dispatch.Id,
            NotificationId = notificationId,
            Kind = kind,
            RecipientId = dispatch.RecipientId,
            ContactHeldBy = dispatch.ContactHeldBy,
            ContactRequestId = dispatch.ContactRequestId,
            Channel = channel,
            Title = text.Title,
            Body = text.Body,
            Status = ChannelDeliveryStatus.Pending,
            NextAttemptAt = now,
            UpdatedAt = now,
        };

    public void Sent(DateTimeOffset now)
    {
        Attempts++;
        Status = ChannelDeliveryStatus.Sent;
        LastError = null;
        UpdatedAt = now;
    }

    public void Skip(string reason, DateTimeOffset now)
    {
        Attempts++;
        Status = ChannelDeliveryStatus.Skipped;
        LastError = reason;
        UpdatedAt = now;
    }

    /// <summary>
    /// A failed attempt: the next one after an exponentially growing delay, until the attempts run
    /// out; then a member's message falls back to the inbox, a resident's is parked.
    /// </summary>
    public ChannelDeliveryStatus Failed(string error, RetrySchedule schedule, DateTimeOffset now)
    {
        Attempts++;
        LastError = error;
        UpdatedAt = now;
        if (Attempts < schedule.MaxAttempts)
        {
            NextAttemptAt = now + schedule.DelayAfter(Attempts);
            return Status;
        }

        if (RecipientId is null)
        {
            Status = ChannelDeliveryStatus.Parked;
            NextAttemptAt = now + schedule.ParkedRetryInterval;
            return Status;
        }

        Status = ChannelDeliveryStatus.FellBackToInbox;
        return Status;
    }

    /// <summary>A parked resident message gets another round of attempts.</summary>
    public void Retry(DateTimeOffset now)
    {
        if (Status == ChannelDeliveryStatus.Parked)
        {
            Status = ChannelDeliveryStatus.Pending;
            Attempts = 0;
            NextAttemptAt = now;
        }
    }
}

/// <summary>How often and how far apart a failing channel is tried again.</summary>
public sealed record RetrySchedule(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay, TimeSpan ParkedRetryInterval)
{
    public TimeSpan DelayAfter(int attempts)
    {
        var delay = BaseDelay * Math.Pow(2, Math.Max(0, attempts - 1));
        return delay > MaxDelay ? MaxDelay : delay;
    }
}
