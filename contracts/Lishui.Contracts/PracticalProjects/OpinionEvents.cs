using MassTransit;

namespace Lishui.Contracts.PracticalProjects;

/// <summary>A member visited a household to collect its position (入户征求意见); Assessment scores the visit.</summary>
[MessageUrn("lishui:projects:household-visited:v1")]
public sealed record HouseholdVisited : IntegrationEvent
{
    public required Guid CollectionId { get; init; }

    public required Guid HouseholdId { get; init; }

    /// <summary>The member who visited.</summary>
    public required Guid VisitedBy { get; init; }

    public required DateOnly VisitedOn { get; init; }

    /// <summary>1 for the first visit, higher when the household amended its position.</summary>
    public required int Revision { get; init; }
}

/// <summary>An opinion collection closed with its result against the threshold (default 90% agree).</summary>
[MessageUrn("lishui:projects:opinion-collection-completed:v1")]
public sealed record OpinionCollectionCompleted : IntegrationEvent
{
    public required Guid CollectionId { get; init; }

    public required Guid? ProjectId { get; init; }

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
