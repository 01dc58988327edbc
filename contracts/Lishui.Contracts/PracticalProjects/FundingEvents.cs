using MassTransit;

namespace Lishui.Contracts.PracticalProjects;

/// <summary>Money was granted to a project (e.g. from the party–mass co-building special fund). Aggregate: the project.</summary>
[MessageUrn("lishui:projects:project-funds-granted:v1")]
public sealed record ProjectFundsGranted : IntegrationEvent
{
    public required Guid ProjectId { get; init; }

    public required Guid GrantId { get; init; }

    public required decimal Amount { get; init; }

    public required string FundingSource { get; init; }

    public required DateOnly GrantedOn { get; init; }

    /// <summary>All grants so far, this one included.</summary>
    public required decimal TotalGranted { get; init; }

    public required decimal Budget { get; init; }

    /// <summary>True when the total exceeds the budget (granted with an override reason, kept with the project).</summary>
    public required bool OverBudget { get; init; }
}

/// <summary>A project's milestone was reached. Aggregate: the project.</summary>
[MessageUrn("lishui:projects:project-milestone-reached:v1")]
public sealed record ProjectMilestoneReached : IntegrationEvent
{
    public required Guid ProjectId { get; init; }

    public required Guid MilestoneId { get; init; }

    public required string Name { get; init; }

    public required DateOnly PlannedOn { get; init; }

    public required DateOnly ReachedOn { get; init; }
}
