namespace Lishui.Notification.Domain;

public enum NotificationKind
{
    Welcome,
}

/// <summary>A message in a person's in-app inbox (always delivered there, whatever other channels do).</summary>
public sealed class Notification
{
    private Notification()
    {
        Title = Body = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid RecipientId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public string Title { get; private set; }

    public string Body { get; private set; }

    /// <summary>The event that caused it: one notification per event and kind.</summary>
    public Guid SourceEventId { get; private set; }

    /// <summary>The trace the causing request started, for following one change across services.</summary>
    public string? TraceId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static Notification Create(Guid id, Guid recipientId, NotificationKind kind, NotificationText text, Guid sourceEventId, string? traceId, DateTimeOffset now) =>
        new()
        {
            Id = id,
            RecipientId = recipientId,
            Kind = kind,
            Title = text.Title,
            Body = text.Body,
            SourceEventId = sourceEventId,
            TraceId = traceId,
            CreatedAt = now,
        };

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}

public sealed record NotificationText(string Title, string Body);
