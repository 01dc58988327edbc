using Lishui.Contracts.PracticalProjects;
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

/// <summary>Money granted to the project from a funding source; beyond the budget only with an override reason.</summary>
public sealed record ProjectGrant(Guid Id, decimal Amount, string FundingSource, DateOnly GrantedOn, string GrantedBy, string? OverrideReason, DateTimeOffset RecordedAt);

/// <summary>A progress report as published (a step back carries its reason).</summary>
public sealed record ProgressReport(int From, int To, string? Reason, string? ReportedBy, DateTimeOffset RecordedAt);

/// <summary>A public update on the project's timeline (what residents read on the public page).</summary>
public sealed record ProjectUpdate(Guid Id, DateOnly PublishedOn, string Text, string PublishedBy, DateTimeOffset RecordedAt);

/// <summary>A planned step with its date; reached once, on a day not in the future.</summary>
public sealed class ProjectMilestone
{
    public ProjectMilestone(Guid id, string name, DateOnly plannedOn)
    {
        Id = id;
        Name = name;
        PlannedOn = plannedOn;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    public DateOnly? ReachedOn { get; private set; }

    public string? RecordedBy { get; private set; }

    internal void Reach(DateOnly reachedOn, string recordedBy)
    {
        ReachedOn = reachedOn;
        RecordedBy = recordedBy;
    }
}

/// <summary>A "practical thing for the masses" (我为群众办实事) project, from proposal to evaluation.</summary>
public sealed class PracticalProject : AggregateRoot
{
    public const int MaxTitleLength = 200;

    public const int MaxUpdateLength = 2000;
    public const int MaxMilestoneNameLength = 200;

    private readonly List<ProjectStatusChange> history = [];
    private readonly List<ProjectGrant> grants = [];
    private readonly List<ProjectMilestone> milestones = [];
    private readonly List<ProjectUpdate> updates = [];
    private readonly List<ProgressReport> progressReports = [];

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

    /// <summary>The responsible cadre on the member roll (told when the project is overdue).</summary>
    public Guid? ResponsibleCadreMemberId { get; private set; }

    /// <summary>The village the project is in (e.g. 鹤峰村); empty for town-wide projects.</summary>
    public string? Village { get; private set; }

    /// <summary>The resident requests the project answers (its origin).</summary>
    public List<Guid> OriginRequestIds { get; private set; } = [];

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

    /// <summary>
    /// The households concerned must be asked first (征求意见, e.g. land for a road): approval (立项) waits
    /// until an opinion collection for the project has passed.
    /// </summary>
    public bool RequiresConsultation { get; private set; }

    /// <summary>The last overdue period reported (0 = none), so each period is reported once.</summary>
    public int OverduePeriodReported { get; private set; }

    public IReadOnlyList<ProjectStatusChange> History => history;

    public IReadOnlyList<ProjectGrant> Grants => grants;

    public IReadOnlyList<ProjectMilestone> Milestones => milestones;

    public IReadOnlyList<ProjectUpdate> Updates => updates;

    public IReadOnlyList<ProgressReport> ProgressReports => progressReports;

    public decimal Granted => grants.Sum(g => g.Amount);

    public bool IsFinished => Status is ProjectStatus.Completed or ProjectStatus.Evaluated or ProjectStatus.Cancelled;

    public static PracticalProject Propose(
        ProjectId id, string title, ProjectLevel level, string batch, ProjectDomain domain, Guid responsibleOrganisationId,
        string responsibleCadre, string location, DateOnly plannedStart, DateOnly plannedEnd, decimal budget, string fundingSource,
        PracticalProject? parent, int weight, DateTimeOffset now, Guid? responsibleCadreMemberId = null, string? village = null, IReadOnlyCollection<Guid>? originRequestIds = null,
        bool requiresConsultation = false)
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
            ResponsibleCadreMemberId = responsibleCadreMemberId,
            Village = string.IsNullOrWhiteSpace(village) ? null : village.Trim(),
            OriginRequestIds = originRequestIds?.Distinct().ToList() ?? [],
            Location = location.Trim(),
            PlannedStart = plannedStart,
            PlannedEnd = plannedEnd,
            Budget = budget,
            FundingSource = fundingSource.Trim(),
            ParentId = parent?.Id,
            Weight = weight,
            Status = ProjectStatus.Proposed,
            RequiresConsultation = requiresConsultation,
        };
        project.Record(new ProjectProposed
        {
            ProjectId = id.Value,
            Title = project.Title,
            Level = level.ToString(),
            Batch = project.Batch,
            Domain = domain.ToString(),
            ParentProjectId = project.ParentId?.Value,
            Budget = budget,
            FundingSource = project.FundingSource,
            PlannedStart = plannedStart,
            PlannedEnd = plannedEnd,
        }, now);
        return project;
    }

    /// <summary>An opinion collection was opened for the project: from now on its approval waits for the result.</summary>
    public void RequireConsultation()
    {
        Rules.Check(new ConsultationOnlyBeforeApprovalRule(Status));
        RequiresConsultation = true;
    }

    /// <summary>
    /// Moves the project along its lifecycle; suspending and cancelling need a reason, and approving a
    /// project that needs consultation needs a passed opinion collection (<paramref name="consultationPassed"/>).
    /// </summary>
    public ProjectStatusChange ChangeStatus(ProjectStatus to, DateOnly effectiveOn, string? reason, string decidedBy, DateTimeOffset now, bool consultationPassed = false)
    {
        Rules.Check(new ProjectTransitionMustBeLegalRule(Status, to, SuspendedFrom));
        Rules.Check(new ConsultationMustPassBeforeApprovalRule(to, RequiresConsultation, consultationPassed));
        Rules.Check(new ReasonRequiredRule(to, reason));
        var change = new ProjectStatusChange(Status, to, effectiveOn, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), decidedBy, now);
        SuspendedFrom = to == ProjectStatus.Suspended ? Status : null;
        Status = to;
        if (to == ProjectStatus.Completed)
        {
            Progress = 100;
        }

        history.Add(change);
        Record(new ProjectStatusChanged { ProjectId = Id.Value, PreviousStatus = change.From.ToString(), Status = to.ToString(), EffectiveOn = effectiveOn }, now);
        return change;
    }

    /// <summary>Reports progress while the work runs; going backwards needs a reason (e.g. rework).</summary>
    public void ReportProgress(int progress, string? reason, DateTimeOffset now, string? reportedBy = null)
    {
        Rules.Check(new ProgressOnlyWhileInProgressRule(Status));
        Rules.Check(new ProgressMustBeAPercentageRule(progress));
        Rules.Check(new ProgressGoesBackOnlyWithAReasonRule(Progress, progress, reason));
        progressReports.Add(new ProgressReport(
            Progress, progress, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), string.IsNullOrWhiteSpace(reportedBy) ? null : reportedBy.Trim(),
            now));
        Progress = progress;
        Record(new ProjectProgressReported { ProjectId = Id.Value, Progress = progress }, now);
    }

    /// <summary>Another request the project answers (a request linked to an existing project).</summary>
    public void AddOriginRequest(Guid requestId)
    {
        Rules.Check(new ProjectMustBeOpenRule(Status));
        if (!OriginRequestIds.Contains(requestId))
        {
            OriginRequestIds = [.. OriginRequestIds, requestId];
            NextVersion();
        }
    }

    /// <summary>Records a grant; one that takes the total beyond the budget needs an override reason.</summary>
    public ProjectGrant Grant(Guid id, decimal amount, string fundingSource, DateOnly grantedOn, string grantedBy, string? overrideReason, DateOnly today, DateTimeOffset now)
    {
        Rules.Check(new ProjectMustBeOpenRule(Status));
        Rules.Check(new GrantAmountMustBePositiveRule(amount));
        Rules.Check(new FundingSourceMustBeGivenRule(fundingSource));
        Rules.Check(new DateCannotBeInTheFutureRule(grantedOn, today, "grantedOn"));
        Rules.Check(new GrantWithinBudgetRule(Budget, Granted, amount, overrideReason));
        var grant = new ProjectGrant(id, amount, fundingSource.Trim(), grantedOn, grantedBy.Trim(),
            string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim(), now);
        grants.Add(grant);
        Record(new ProjectFundsGranted
        {
            ProjectId = Id.Value,
            GrantId = id,
            Amount = grant.Amount,
            FundingSource = grant.FundingSource,
            GrantedOn = grantedOn,
            TotalGranted = Granted,
            Budget = Budget,
            OverBudget = Granted > Budget,
        }, now);
        return grant;
    }

    public ProjectMilestone PlanMilestone(Guid id, string name, DateOnly plannedOn)
    {
        Rules.Check(new ProjectMustBeOpenRule(Status));
        Rules.Check(new MilestoneNameMustBeGivenRule(name));
        var milestone = new ProjectMilestone(id, name.Trim(), plannedOn);
        milestones.Add(milestone);
        NextVersion();
        return milestone;
    }

    public ProjectMilestone ReachMilestone(Guid milestoneId, DateOnly reachedOn, string recordedBy, DateOnly today, DateTimeOffset now)
    {
        var milestone = milestones.SingleOrDefault(m => m.Id == milestoneId);
        Rules.Check(new MilestoneMustBeKnownAndOpenRule(milestone is not null, milestone?.ReachedOn is not null));
        Rules.Check(new DateCannotBeInTheFutureRule(reachedOn, today, "reachedOn"));
        milestone!.Reach(reachedOn, recordedBy.Trim());
        Record(new ProjectMilestoneReached { ProjectId = Id.Value, MilestoneId = milestone.Id, Name = milestone.Name, PlannedOn = milestone.PlannedOn, ReachedOn = reachedOn }, now);
        return milestone;
    }

    public ProjectUpdate PublishUpdate(Guid id, string text, string publishedBy, DateOnly today, DateTimeOffset now)
    {
        Rules.Check(new UpdateTextMustBeGivenRule(text));
        var update = new ProjectUpdate(id, today, text.Trim(), publishedBy.Trim(), now);
        updates.Add(update);
        NextVersion();
        return update;
    }

    /// <summary>Past the planned end and not finished: reports each overdue period once (period length in days).</summary>
    public (int Period, long Sequence)? MarkOverdue(int periodDays, DateOnly today, DateTimeOffset now)
    {
        if (IsFinished || OverduePeriods.AfterDeadline(PlannedEnd, periodDays, today) is not { } period || period <= OverduePeriodReported)
        {
            return null;
        }

        OverduePeriodReported = period;
        Record(new ProjectOverdue { ProjectId = Id.Value, Title = Title, ResponsibleCadreMemberId = ResponsibleCadreMemberId, PlannedEnd = PlannedEnd, OverduePeriod = period }, now);
        return (period, Version);
    }

    /// <summary>A project's events are about itself and belong to its responsible organisation.</summary>
    private void Record<T>(T @event, DateTimeOffset now)
        where T : Lishui.Contracts.IntegrationEvent =>
        Record(@event, Id.Value, ResponsibleOrganisationId, now);

    /// <summary>Weighted progress of sub-projects (Decidim-style roll-up); the project's own when it has none.</summary>
    public static int RolledUp(int ownProgress, IReadOnlyCollection<(int Progress, int Weight)> children) =>
        children.Count == 0 || children.Sum(c => c.Weight) == 0
            ? ownProgress
            : (int)Math.Round(children.Sum(c => (double)c.Progress * c.Weight) / children.Sum(c => c.Weight), MidpointRounding.AwayFromZero);
}
