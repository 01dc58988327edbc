namespace Lishui.Assessment.Domain;

public enum FactKind
{
    /// <summary>Subject: the member; value: Present, Excused or Absent.</summary>
    StudyAttendance,

    /// <summary>Subject: the member pair.</summary>
    ContactLogged,

    /// <summary>Subject: the member pair (once per overdue period).</summary>
    ContactOverdue,

    /// <summary>Subject: the request; the day is the answer's.</summary>
    RequestAnswered,

    /// <summary>Subject: the request; the day is the missed due date.</summary>
    RequestOverdue,

    /// <summary>Subject: the project; value: the new status.</summary>
    ProjectStatus,
}

/// <summary>
/// One fact the governance-effectiveness list counts, taken from another service's event (one row
/// per event, keyed by its id): whose organisation, about what, which day.
/// </summary>
public sealed class GovernanceFact
{
    public Guid EventId { get; init; }

    public FactKind Kind { get; init; }

    /// <summary>The organisation the fact counts for (a member's own organisation, the village a request concerns, ...).</summary>
    public Guid OrganisationId { get; init; }

    public Guid SubjectId { get; init; }

    public DateOnly OccurredOn { get; init; }

    public string? Value { get; init; }
}
