using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Projects;

public readonly record struct ProjectId(Guid Value);

public enum ProjectLevel
{
    Town,
    Village,
}

public enum ProjectDomain
{
    Education,
    HealthCare,
    Housing,
    EnvironmentalProtection,
    PublicSecurity,
    RuralRevitalisation,
    Other,
}

public enum ProjectStatus
{
    Proposed,
    Approved,
    InProgress,
    Completed,
    Evaluated,
    Suspended,
    Cancelled,
}

/// <summary>A change of status, kept for the public timeline and the audit.</summary>
public sealed record ProjectStatusChange(ProjectStatus From, ProjectStatus To, DateOnly EffectiveOn, string? Reason, string DecidedBy, DateTimeOffset RecordedAt);

/// <summary>A "practical thing for the masses" (我为群众办实事) project, from proposal to evaluation.</summary>
public sealed class PracticalProject : AggregateRoot
{
    public const int MaxTitleLength = 200;

    private readonly List<ProjectStatusChange> history = [];

    private PracticalProject()
    {
        Title = Batch = ResponsibleCadre = Location = FundingSource = string.Empty;
    }

    public ProjectId Id { get; private set; }

    public string Title { get; private set; }

    public ProjectLevel Level { get; private set; }

    /// <summary>e.g. "2026年第一批".</summary>
    public string Batch { get; private set; }

    public ProjectDomain Domain { get; private set; }

    public Guid ResponsibleOrganisationId { get; private set; }

    public string ResponsibleCadre { get; private set; }

    public string Location { get; private set; }

    public DateOnly PlannedStart { get; private set; }

    public DateOnly PlannedEnd { get; private set; }

    public decimal Budget { get; private set; }

    /// <summary>e.g. 党群共建专项资金 (party–mass co-building special fund).</summary>
    public string FundingSource { get; private set; }

    /// <summary>A town key project's village sub-projects point at it; their progress rolls up by weight.</summary>
    public ProjectId? ParentId { get; private set; }

    public int Weight { get; private set; } = 1;

    public ProjectStatus Status { get; private set; }

    /// <summary>Status before a suspension, to resume to.</summary>
    public ProjectStatus? SuspendedFrom { get; private set; }

    public int Progress { get; private set; }

    public IReadOnlyList<ProjectStatusChange> History => history;

    public static PracticalProject Propose(
        ProjectId id, string title, ProjectLevel level, string batch, ProjectDomain domain, Guid responsibleOrganisationId,
        string responsibleCadre, string location, DateOnly plannedStart, DateOnly plannedEnd, decimal budget, string fundingSource,
        PracticalProject? parent, int weight)
    {
        Rules.Check(new ProjectTitleMustBeGivenRule(title));
        Rules.Check(new PlannedEndMustFollowStartRule(plannedStart, plannedEnd));
        Rules.Check(new BudgetCannotBeNegativeRule(budget));
        Rules.Check(new WeightMustBePositiveRule(weight));
        var project = new PracticalProject
        {
            Id = id,
            Title = title.Trim(),
            Level = level,
            Batch = batch.Trim(),
            Domain = domain,
            ResponsibleOrganisationId = responsibleOrganisationId,
            ResponsibleCadre = responsibleCadre.Trim(),
            Location = location.Trim(),
            PlannedStart = plannedStart,
            PlannedEnd = plannedEnd,
            Budget = budget,
            FundingSource = fundingSource.Trim(),
            ParentId = parent?.Id,
            Weight = weight,
            Status = ProjectStatus.Proposed,
        };
        project.NextVersion();
        return project;
    }

    /// <summary>Moves the project along its lifecycle; suspending and cancelling need a reason.</summary>
    public ProjectStatusChange ChangeStatus(ProjectStatus to, DateOnly effectiveOn, string? reason, string decidedBy, DateTimeOffset now)
    {
        Rules.Check(new ProjectTransitionMustBeLegalRule(Status, to, SuspendedFrom));
        Rules.Check(new ReasonRequiredRule(to, reason));
        var change = new ProjectStatusChange(Status, to, effectiveOn, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), decidedBy, now);
        SuspendedFrom = to == ProjectStatus.Suspended ? Status : null;
        Status = to;
        if (to == ProjectStatus.Completed)
        {
            Progress = 100;
        }

        history.Add(change);
        NextVersion();
        return change;
    }

    /// <summary>Reports progress while the work runs; going backwards needs a reason (e.g. rework).</summary>
    public void ReportProgress(int progress, string? reason)
    {
        Rules.Check(new ProgressOnlyWhileInProgressRule(Status));
        Rules.Check(new ProgressMustBeAPercentageRule(progress));
        Rules.Check(new ProgressGoesBackOnlyWithAReasonRule(Progress, progress, reason));
        Progress = progress;
        NextVersion();
    }

    /// <summary>Weighted progress of sub-projects (Decidim-style roll-up); the project's own when it has none.</summary>
    public static int RolledUp(int ownProgress, IReadOnlyCollection<(int Progress, int Weight)> children) =>
        children.Count == 0 || children.Sum(c => c.Weight) == 0
            ? ownProgress
            : (int)Math.Round(children.Sum(c => (double)c.Progress * c.Weight) / children.Sum(c => c.Weight), MidpointRounding.AwayFromZero);
}
