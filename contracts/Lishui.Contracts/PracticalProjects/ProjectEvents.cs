using MassTransit;

namespace Lishui.Contracts.PracticalProjects;

/// <summary>A "practical thing for the masses" project was proposed. OrganisationId is the responsible organisation.</summary>
[MessageUrn("lishui:projects:project-proposed:v1")]
public sealed record ProjectProposed : IntegrationEvent
{
    public required Guid ProjectId { get; init; }

    public required string Title { get; init; }

    /// <summary>Town or Village.</summary>
    public required string Level { get; init; }

    public required string Batch { get; init; }

    /// <summary>Education, HealthCare, Housing, EnvironmentalProtection, PublicSecurity, RuralRevitalisation or Other.</summary>
    public required string Domain { get; init; }

    public required Guid? ParentProjectId { get; init; }

    public required decimal Budget { get; init; }

    public required string FundingSource { get; init; }

    public required DateOnly PlannedStart { get; init; }

    public required DateOnly PlannedEnd { get; init; }
}

/// <summary>The project moved along its lifecycle (e.g. Approved = 立项). The reason stays with the project.</summary>
[MessageUrn("lishui:projects:project-status-changed:v1")]
public sealed record ProjectStatusChanged : IntegrationEvent
{
    public required Guid ProjectId { get; init; }

    public required string PreviousStatus { get; init; }

    public required string Status { get; init; }

    public required DateOnly EffectiveOn { get; init; }
}

[MessageUrn("lishui:projects:project-progress-reported:v1")]
public sealed record ProjectProgressReported : IntegrationEvent
{
    public required Guid ProjectId { get; init; }

    /// <summary>0–100.</summary>
    public required int Progress { get; init; }
}
