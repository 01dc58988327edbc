namespace Lishui.Contracts.Public;

/// <summary>A "practical thing for the masses" project was approved (立项).</summary>
[PublicEvent("cn.gov.lishui.projects.project-approved.v1", DataClassification.Public, "/lishui/projects",
    Summary = "A practical project for the masses was approved.",
    SummaryZh = "我为群众办实事项目已立项。")]
public sealed record ProjectApprovedV1
{
    public required Guid ProjectId { get; init; }

    /// <summary>The responsible organisation.</summary>
    public required Guid OrganisationId { get; init; }

    public required DateOnly ApprovedOn { get; init; }
}

/// <summary>A practical project was completed.</summary>
[PublicEvent("cn.gov.lishui.projects.project-completed.v1", DataClassification.Public, "/lishui/projects",
    Summary = "A practical project for the masses was completed.",
    SummaryZh = "我为群众办实事项目已完成。")]
public sealed record ProjectCompletedV1
{
    public required Guid ProjectId { get; init; }

    public required Guid OrganisationId { get; init; }

    public required DateOnly CompletedOn { get; init; }
}

/// <summary>An opinion collection (征求意见) closed. Only totals: no household's position is published.</summary>
[PublicEvent("cn.gov.lishui.projects.opinion-collection-completed.v1", DataClassification.Public, "/lishui/projects",
    Summary = "An opinion collection among households closed (totals only).",
    SummaryZh = "入户征求意见结束（仅含汇总数）。")]
public sealed record OpinionCollectionCompletedV1
{
    public required Guid CollectionId { get; init; }

    public required Guid? ProjectId { get; init; }

    public required Guid OrganisationId { get; init; }

    public required int AffectedHouseholds { get; init; }

    public required int Agree { get; init; }

    public required int Disagree { get; init; }

    public required int Abstain { get; init; }

    public required int NotVisited { get; init; }

    /// <summary>Percentage of affected households that agree, one decimal.</summary>
    public required decimal AgreeShare { get; init; }

    public required int ThresholdPercent { get; init; }

    public required bool Passed { get; init; }
}
