namespace Lishui.Contracts.Public;

/// <summary>A year's assessment results were put up for public notice (公示); the results themselves are read from the notice.</summary>
[PublicEvent("cn.gov.lishui.assessment.notice-published.v1", DataClassification.Public, "/lishui/assessment",
    Summary = "A year's points-assessment results were put up for public notice.",
    SummaryZh = "年度量化积分考核结果进入公示。")]
public sealed record NoticePublishedV1
{
    public required Guid NoticeId { get; init; }

    public required Guid SchemeId { get; init; }

    public required Guid OrganisationId { get; init; }

    public required int Year { get; init; }

    /// <summary>Member, Household, EconomicCooperative or Village.</summary>
    public required string SubjectType { get; init; }

    public required int SubjectCount { get; init; }

    public required DateOnly WindowOpensOn { get; init; }

    /// <summary>Last day of the window (inclusive).</summary>
    public required DateOnly WindowClosesOn { get; init; }
}
