namespace Lishui.Notification.Domain.Delivery;

/// <summary>Who a dispatch is for; every audience but Member and Resident is expanded into Member dispatches when it is due.</summary>
public enum Audience
{
    /// <summary>One member of the roll (<see cref="Dispatch.RecipientId"/>).</summary>
    Member,

    /// <summary>
    /// The secretary of an organisation, or of the organisation of <see cref="Dispatch.SubjectMemberId"/>; when
    /// it has none, the secretary of the nearest organisation above it.
    /// </summary>
    Secretary,

    /// <summary>Everyone holding a committee role (secretary, deputy, committee member) in the organisation, wherever they are registered.</summary>
    Committee,

    /// <summary>Every member on the roll of the organisation and the organisations under it.</summary>
    OrganisationMembers,

    /// <summary>A resident who left a contact with Pairing or PracticalProjects; reached by SMS only.</summary>
    Resident,
}

public enum DispatchStatus
{
    /// <summary>Waiting for its time (digest window, quiet hours).</summary>
    Pending,

    /// <summary>Could not go out yet (unknown recipient, no usable channel, render failure): retried later, never dropped.</summary>
    Parked,

    Delivered,

    /// <summary>Went out as part of a digest (<see cref="Dispatch.CombinedInto"/>).</summary>
    Combined,

    /// <summary>An audience turned into one Member dispatch per person.</summary>
    Expanded,
}

/// <summary>
/// One message on its way to one audience because of one event: what to say (kind and placeholder
/// values) and when it is due. Rendering, quiet hours and digests are applied when it falls due, so
/// the recipient's current language and wording are used. Holds no contact details.
/// </summary>
public sealed class Dispatch
{
    private Dispatch()
    {
        Values = [];
        NameRefs = [];
    }

    public Guid Id { get; private set; }

    public Guid SourceEventId { get; private set; }

    public NotificationKind Kind { get; private set; }

    public Audience Audience { get; private set; }

    public Guid? RecipientId { get; private set; }

    public Guid? AudienceOrganisationId { get; private set; }

    public Guid? SubjectMemberId { get; private set; }

    /// <summary>For residents: "pairing" or "projects", the service holding the contact.</summary>
    public string? ContactHeldBy { get; private set; }

    public Guid? ContactRequestId { get; private set; }

    /// <summary>Placeholder values taken from the event.</summary>
    public Dictionary<string, string> Values { get; private set; }

    /// <summary>Placeholders filled with a member's name from the local view when rendered.</summary>
    public Dictionary<string, Guid> NameRefs { get; private set; }

    /// <summary>Urgent messages are not held back by quiet hours.</summary>
    public bool Urgent { get; private set; }

    /// <summary>Reminders: combined with the person's other reminders due in the same window.</summary>
    public bool Digestible { get; private set; }

    public DispatchStatus Status { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>Times it was parked.</summary>
    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public Guid? NotificationId { get; private set; }

    public Guid? CombinedInto { get; private set; }

    public string? TraceId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public static Dispatch Create(
        Guid sourceEventId, NotificationKind kind, Audience audience, Guid? recipientId, Guid? audienceOrganisationId, Guid? subjectMemberId,
        IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, Guid>? nameRefs, bool urgent, bool digestible,
        DateTimeOffset dueAt, string? traceId, DateTimeOffset now, string? contactHeldBy = null, Guid? contactRequestId = null) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            SourceEventId = sourceEventId,
            Kind = kind,
            Audience = audience,
            RecipientId = recipientId,
            AudienceOrganisationId = audienceOrganisationId,
            SubjectMemberId = subjectMemberId,
            ContactHeldBy = contactHeldBy,
            ContactRequestId = contactRequestId,
            Values = new Dictionary<string, string>(values),
            NameRefs = nameRefs is null ? [] : new Dictionary<string, Guid>(nameRefs),
            Urgent = urgent,
            Digestible = digestible,
            Status = DispatchStatus.Pending,
            DueAt = dueAt,
            TraceId = traceId,
            CreatedAt = now,
        };

    /// <summary>The same message for one person of this dispatch's audience.</summary>
    public Dispatch ForMember(Guid memberId, DateTimeOffset dueAt, DateTimeOffset now) =>
        Create(SourceEventId, Kind, Audience.Member, memberId, null, null, Values, NameRefs, Urgent, Digestible, dueAt, TraceId, now);

    public void Park(string reason, DateTimeOffset retryAt)
    {
        Status = DispatchStatus.Parked;
        Attempts++;
        LastError = reason;
        DueAt = retryAt;
    }

    public void Defer(DateTimeOffset until)
    {
        Status = DispatchStatus.Pending;
        DueAt = until;
    }

    /// <summary>Makes a parked dispatch due now (its missing piece may have arrived).</summary>
    public void Wake(DateTimeOffset now)
    {
        if (Status == DispatchStatus.Parked)
        {
            DueAt = now;
        }
    }

    public void Delivered(Guid? notificationId, DateTimeOffset now)
    {
        Status = DispatchStatus.Delivered;
        NotificationId = notificationId;
        DeliveredAt = now;
        LastError = null;
    }

    public void CombineInto(Guid digestId, Guid notificationId, DateTimeOffset now)
    {
        Status = DispatchStatus.Combined;
        CombinedInto = digestId;
        NotificationId = notificationId;
        DeliveredAt = now;
        LastError = null;
    }

    public void Expanded(DateTimeOffset now)
    {
        Status = DispatchStatus.Expanded;
        DeliveredAt = now;
        LastError = null;
    }
}
