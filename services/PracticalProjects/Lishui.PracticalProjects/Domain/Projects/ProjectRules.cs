using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Projects;

public sealed record ProjectTitleMustBeGivenRule(string Title) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Title) || Title.Trim().Length > PracticalProject.MaxTitleLength;

    public string Code => "project.title-invalid";

    public string Field => "title";

    public string MessageZh => $"项目名称不能为空，且不超过 {PracticalProject.MaxTitleLength} 个字符。";

    public string MessageEn => $"The title must be given and at most {PracticalProject.MaxTitleLength} characters.";
}

public sealed record PlannedEndMustFollowStartRule(DateOnly Start, DateOnly End) : IBusinessRule
{
    public bool IsBroken() => End < Start;

    public string Code => "project.end-before-start";

    public string Field => "plannedEnd";

    public string MessageZh => "计划完成日期不能早于计划开始日期。";

    public string MessageEn => "The planned end cannot precede the planned start.";
}

public sealed record BudgetCannotBeNegativeRule(decimal Budget) : IBusinessRule
{
    public bool IsBroken() => Budget < 0;

    public string Code => "project.budget-negative";

    public string Field => "budget";

    public string MessageZh => "预算不能为负数。";

    public string MessageEn => "The budget cannot be negative.";
}

public sealed record WeightMustBePositiveRule(int Weight) : IBusinessRule
{
    public bool IsBroken() => Weight < 1;

    public string Code => "project.weight-invalid";

    public string Field => "weight";

    public string MessageZh => "权重须为正整数。";

    public string MessageEn => "The weight must be a positive whole number.";
}

/// <summary>
/// Proposed → Approved (立项) → InProgress → Completed → Evaluated; Approved and InProgress may be
/// suspended (and resumed to where they were); anything before completion may be cancelled.
/// </summary>
public sealed record ProjectTransitionMustBeLegalRule(ProjectStatus From, ProjectStatus To, ProjectStatus? SuspendedFrom) : IBusinessRule
{
    public bool IsBroken() => (From, To) switch
    {
        (ProjectStatus.Proposed, ProjectStatus.Approved or ProjectStatus.Cancelled) => false,
        (ProjectStatus.Approved, ProjectStatus.InProgress or ProjectStatus.Suspended or ProjectStatus.Cancelled) => false,
        (ProjectStatus.InProgress, ProjectStatus.Completed or ProjectStatus.Suspended or ProjectStatus.Cancelled) => false,
        (ProjectStatus.Suspended, ProjectStatus.Cancelled) => false,
        (ProjectStatus.Suspended, var resumeTo) => resumeTo != SuspendedFrom,
        (ProjectStatus.Completed, ProjectStatus.Evaluated) => false,
        _ => true,
    };

    public string Code => "project.transition-illegal";

    public string Field => "status";

    public string MessageZh => $"项目不能从“{ProjectStatusText.Zh(From)}”变为“{ProjectStatusText.Zh(To)}”。";

    public string MessageEn => $"A project cannot go from {From} to {To}.";
}

public sealed record ReasonRequiredRule(ProjectStatus To, string? Reason) : IBusinessRule
{
    public bool IsBroken() => To is ProjectStatus.Suspended or ProjectStatus.Cancelled && string.IsNullOrWhiteSpace(Reason);

    public string Code => "project.reason-required";

    public string Field => "reason";

    public string MessageZh => "暂停或取消项目须说明原因。";

    public string MessageEn => "Suspending or cancelling a project needs a reason.";
}

public sealed record ProgressOnlyWhileInProgressRule(ProjectStatus Status) : IBusinessRule
{
    public bool IsBroken() => Status != ProjectStatus.InProgress;

    public string Code => "project.not-in-progress";

    public string Field => "progress";

    public string MessageZh => "只有实施中的项目可以更新进度。";

    public string MessageEn => "Progress is reported only while the project is in progress.";
}

public sealed record ProgressMustBeAPercentageRule(int Progress) : IBusinessRule
{
    public bool IsBroken() => Progress is < 0 or > 100;

    public string Code => "project.progress-out-of-range";

    public string Field => "progress";

    public string MessageZh => "进度须在 0 到 100 之间。";

    public string MessageEn => "Progress must be between 0 and 100.";
}

public sealed record ProgressGoesBackOnlyWithAReasonRule(int Current, int Reported, string? Reason) : IBusinessRule
{
    public bool IsBroken() => Reported < Current && string.IsNullOrWhiteSpace(Reason);

    public string Code => "project.progress-backwards";

    public string Field => "reason";

    public string MessageZh => $"进度从 {Current} 回退到 {Reported} 须说明原因。";

    public string MessageEn => $"Progress going back from {Current} to {Reported} needs a reason.";
}

public static class ProjectStatusText
{
    public static string Zh(ProjectStatus status) => status switch
    {
        ProjectStatus.Proposed => "已提出",
        ProjectStatus.Approved => "已立项",
        ProjectStatus.InProgress => "实施中",
        ProjectStatus.Completed => "已完成",
        ProjectStatus.Evaluated => "已评价",
        ProjectStatus.Suspended => "已暂停",
        _ => "已取消",
    };
}

public sealed record ProjectMustBeOpenRule(ProjectStatus Status) : IBusinessRule
{
    public bool IsBroken() => Status is ProjectStatus.Cancelled or ProjectStatus.Evaluated;

    public string Code => "project.closed";

    public string MessageZh => $"项目已{ProjectStatusText.Zh(Status)[1..]}，不能再变更。";

    public string MessageEn => $"The project is {Status} and takes no more changes.";
}

public sealed record GrantAmountMustBePositiveRule(decimal Amount) : IBusinessRule
{
    public bool IsBroken() => Amount <= 0 || decimal.Round(Amount, 2) != Amount;

    public string Code => "grant.amount-invalid";

    public string Field => "amount";

    public string MessageZh => "拨付金额须大于 0，最多两位小数。";

    public string MessageEn => "The amount must be positive, with at most two decimals.";
}

public sealed record FundingSourceMustBeGivenRule(string FundingSource) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(FundingSource) || FundingSource.Trim().Length > 100;

    public string Code => "grant.funding-source-invalid";

    public string Field => "fundingSource";

    public string MessageZh => "资金来源不能为空，且不超过 100 个字符。";

    public string MessageEn => "The funding source must be given and at most 100 characters.";
}

/// <summary>Grants add up to the budget at most, unless someone states why more is needed.</summary>
public sealed record GrantWithinBudgetRule(decimal Budget, decimal AlreadyGranted, decimal Amount, string? OverrideReason) : IBusinessRule
{
    public bool IsBroken() => AlreadyGranted + Amount > Budget && string.IsNullOrWhiteSpace(OverrideReason);

    public string Code => "grant.over-budget";

    public string Field => "overrideReason";

    public string MessageZh => $"本次拨付 {Amount:0.##} 元超出剩余预算 {Math.Max(0, Budget - AlreadyGranted):0.##} 元，须说明超预算原因。";

    public string MessageEn => $"Granting {Amount:0.##} exceeds the remaining budget of {Math.Max(0, Budget - AlreadyGranted):0.##}; an override reason is required.";
}

public sealed record DateCannotBeInTheFutureRule(DateOnly Date, DateOnly Today, string DateField) : IBusinessRule
{
    public bool IsBroken() => Date > Today;

    public string Code => "date.in-future";

    public string Field => DateField;

    public string MessageZh => "日期不能晚于今天。";

    public string MessageEn => "The date cannot be in the future.";
}

public sealed record MilestoneNameMustBeGivenRule(string Name) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > PracticalProject.MaxMilestoneNameLength;

    public string Code => "milestone.name-invalid";

    public string Field => "name";

    public string MessageZh => $"节点名称不能为空，且不超过 {PracticalProject.MaxMilestoneNameLength} 个字符。";

    public string MessageEn => $"The milestone name must be given and at most {PracticalProject.MaxMilestoneNameLength} characters.";
}

public sealed record MilestoneMustBeKnownAndOpenRule(bool Known, bool Reached) : IBusinessRule
{
    public bool IsBroken() => !Known || Reached;

    public string Code => Known ? "milestone.already-reached" : "milestone.unknown";

    public string Field => "milestoneId";

    public string MessageZh => Known ? "该节点已完成。" : "该项目没有这个节点。";

    public string MessageEn => Known ? "The milestone is already reached." : "The project has no such milestone.";
}

public sealed record UpdateTextMustBeGivenRule(string Text) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > PracticalProject.MaxUpdateLength;

    public string Code => "update.text-invalid";

    public string Field => "text";

    public string MessageZh => $"动态内容不能为空，且不超过 {PracticalProject.MaxUpdateLength} 个字符。";

    public string MessageEn => $"The update must be given and at most {PracticalProject.MaxUpdateLength} characters.";
}

public static class ProjectText
{
    public static string Level(ProjectLevel level) => level == ProjectLevel.Town ? "镇级" : "村级";

    public static string Domain(ProjectDomain domain) => domain switch
    {
        ProjectDomain.Education => "教育",
        ProjectDomain.HealthCare => "医疗",
        ProjectDomain.Housing => "住房",
        ProjectDomain.EnvironmentalProtection => "环保",
        ProjectDomain.PublicSecurity => "社会治安",
        ProjectDomain.RuralRevitalisation => "乡村振兴",
        _ => "其他",
    };
}

/// <summary>立项 of a project the households must be asked about waits until their opinion collection has passed (≥ its threshold agreeing).</summary>
public sealed record ConsultationMustPassBeforeApprovalRule(ProjectStatus To, bool RequiresConsultation, bool Passed) : IBusinessRule
{
    public bool IsBroken() => To == ProjectStatus.Approved && RequiresConsultation && !Passed;

    public string Code => "project.consultation-not-passed";

    public string Field => "status";

    public string MessageZh => "该项目须先征求涉及农户意见：征求意见结束且同意比例达到要求（一般为 90%）后方可立项。";

    public string MessageEn => "The households concerned must be consulted first: the project can be approved once an opinion collection for it has passed (usually 90% agreeing).";
}

public sealed record ConsultationOnlyBeforeApprovalRule(ProjectStatus Status) : IBusinessRule
{
    public bool IsBroken() => Status != ProjectStatus.Proposed;

    public string Code => "project.consultation-too-late";

    public string Field => "projectId";

    public string MessageZh => "项目已立项或已结束，不能再为其发起立项前的征求意见。";

    public string MessageEn => "The project is past its proposal; a consultation before approval can no longer be opened for it.";
}
