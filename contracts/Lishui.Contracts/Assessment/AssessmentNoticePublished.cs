using MassTransit;

namespace Lishui.Contracts.Assessment;

/// <summary>
/// A year was closed and its results put up for public notice (公示). Residents may read them
/// (and, later, object) until the window closes. The aggregate is the scheme.
/// </summary>
[MessageUrn("lishui:assessment:assessment-notice-published:v1")]
public sealed record AssessmentNoticePublished : IntegrationEvent
{
    public required Guid NoticeId { get; init; }

    public required Guid SchemeId { get; init; }

    public required int Year { get; init; }

    /// <summary>Member, Household, EconomicCooperative or Village.</summary>
    public required string SubjectType { get; init; }

    public required int SubjectCount { get; init; }

    /// <summary>First working day of the window.</summary>
    public required DateOnly WindowOpensOn { get; init; }

    /// <summary>Last working day of the window (inclusive).</summary>
    public required DateOnly WindowClosesOn { get; init; }
}
