using MassTransit;

namespace Lishui.Contracts.Assessment;

/// <summary>
/// Points were entered on a subject's ledger in an assessment scheme (积分记录). The aggregate is the
/// scheme; the organisation is the scheme's. Carries no reason text or evidence (they may name people).
/// </summary>
[MessageUrn("lishui:assessment:points-awarded:v1")]
public sealed record PointsAwarded : IntegrationEvent
{
    public required Guid EntryId { get; init; }

    public required Guid SchemeId { get; init; }

    public required int Year { get; init; }

    /// <summary>The member (or other subject) the points are for.</summary>
    public required Guid SubjectId { get; init; }

    /// <summary>The scheme's dimension code, e.g. <c>volunteer-service</c>.</summary>
    public required string Dimension { get; init; }

    /// <summary>Positive for an award, negative for a deduction.</summary>
    public required decimal Points { get; init; }

    /// <summary>Manual (entered by a secretary) or Event (from another service's event through a rule).</summary>
    public required string Source { get; init; }

    /// <summary>The event that caused the points, for Source = Event.</summary>
    public required Guid? SourceEventId { get; init; }
}

/// <summary>A ledger entry was corrected by a reversing entry (entries are never edited).</summary>
[MessageUrn("lishui:assessment:points-reversed:v1")]
public sealed record PointsReversed : IntegrationEvent
{
    /// <summary>The new, reversing entry.</summary>
    public required Guid EntryId { get; init; }

    public required Guid ReversedEntryId { get; init; }

    public required Guid SchemeId { get; init; }

    public required int Year { get; init; }

    public required Guid SubjectId { get; init; }

    public required string Dimension { get; init; }

    /// <summary>The reversing amount: the negation of the reversed entry's points.</summary>
    public required decimal Points { get; init; }
}
