namespace Lishui.Notification.Domain;

public enum NotificationKind
{
    Welcome,
    StudySessionReminder,
    StationingVisitReminder,
    ContactOverdue,
    ContactOverdueSecretary,
    AssessmentNoticePublished,
    ObjectionFiled,
    OrganisationalTalkRequired,
    OrganisationalTalkRequiredSecretary,
    WithdrawalAdviceCaseOpened,
    ResidentRequestAnswered,
    ResidentRequestTurnedIntoProject,
    ProjectOverdue,
    MemberCommended,
    OrganisationalTalkOverdue,

    /// <summary>A resident said the answer or the finished project did not solve their request (to the secretary).</summary>
    ResidentRequestReopened,

    /// <summary>Several reminders for one person combined into one message.</summary>
    Digest,
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

    /// <summary>Channels that gave up on this message after their retries: the inbox is where it is to be read.</summary>
    public string? FallbackFrom { get; private set; }

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

    /// <summary>A channel failed for good: the message stays (again) unread here and says which channel missed it.</summary>
    public void FallBackFrom(string channel)
    {
        FallbackFrom = FallbackFrom is null ? channel : FallbackFrom.Split(',').Contains(channel) ? FallbackFrom : $"{FallbackFrom},{channel}";
        ReadAt = null;
    }
}

public sealed record NotificationText(string Title, string Body);
