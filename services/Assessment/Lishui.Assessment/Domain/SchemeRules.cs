using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

public sealed record SchemeYearMustBeSensibleRule(int Year) : IBusinessRule
{
    public bool IsBroken() => Year is < 2000 or > 2100;

    public string Code => "scheme.year-invalid";

    public string Field => "year";

    public string MessageZh => "考核年度应在 2000 至 2100 之间。";

    public string MessageEn => "The year must be between 2000 and 2100.";
}

/// <summary>Members: points assessment; households: five-good households; cooperatives and villages: safety production or environmental remediation.</summary>
public sealed record TopicMustFitTheSubjectTypeRule(SubjectType SubjectType, SchemeTopic? Topic) : IBusinessRule
{
    public bool IsBroken() => Topic is not { } topic || !SchemeTopics.Fits(SubjectType, topic);

    public string Code => "scheme.topic-invalid";

    public string Field => "topic";

    public string MessageZh => "考核内容与考核对象不符：党员为量化积分，家庭为五好文明户，经济社和村为安全生产或环境整治。";

    public string MessageEn => "The topic does not fit the subject type: MemberPoints for members, FiveGoodHousehold for households, SafetyProduction or EnvironmentalRemediation for cooperatives and villages.";
}

/// <summary>
/// Published results are corrected only through objections (an upheld one corrects the ledger and the
/// result): no rule lets a closed year be opened again.
/// </summary>
public sealed record AClosedYearIsNotReopenedRule(bool Closed) : IBusinessRule
{
    public bool IsBroken() => Closed;

    public string Code => "scheme.reopen-not-allowed";

    public string MessageZh => "已结束的考核年度不能重新开启；如结果有误，请在公示期内通过异议更正。";

    public string MessageEn => "A closed year cannot be reopened; correct a result through an objection during the publication window.";
}

public sealed record DimensionsMustBeWellFormedRule(IReadOnlyList<Dimension> Dimensions) : IBusinessRule
{
    public const int MaxCodeLength = 50;
    public const int MaxNameLength = 100;

    public bool IsBroken() =>
        Dimensions.Count == 0
        || Dimensions.Any(d => string.IsNullOrWhiteSpace(d.Code) || d.Code.Length > MaxCodeLength
            || string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > MaxNameLength || d.Max <= 0)
        || Dimensions.Select(d => d.Code).Distinct(StringComparer.Ordinal).Count() != Dimensions.Count;

    public string Code => "scheme.dimensions-invalid";

    public string Field => "dimensions";

    public string MessageZh => $"至少需要一个考评维度；维度代码唯一（不超过 {MaxCodeLength} 字符），名称不超过 {MaxNameLength} 字符，满分大于 0。";

    public string MessageEn => $"At least one dimension; codes unique (at most {MaxCodeLength} characters), names at most {MaxNameLength}, each maximum above 0.";
}

public sealed record DimensionMaximaMustSumToTotalRule(IReadOnlyList<Dimension> Dimensions, decimal Total) : IBusinessRule
{
    public bool IsBroken() => Total <= 0 || Dimensions.Sum(d => d.Max) != Total;

    public string Code => "scheme.dimensions-do-not-sum-to-total";

    public string Field => "dimensions";

    public string MessageZh => $"各维度满分之和（{Dimensions.Sum(d => d.Max)}）应等于总分（{Total}）。";

    public string MessageEn => $"The dimension maxima sum to {Dimensions.Sum(d => d.Max)}, not the total {Total}.";
}

/// <summary>0 &lt; basically qualified &lt; qualified &lt; excellent ≤ total: no overlap, no gap, every grade reachable.</summary>
public sealed record GradeThresholdsMustBeOrderedRule(GradeThresholds Thresholds, decimal Total) : IBusinessRule
{
    public bool IsBroken() =>
        !(0 < Thresholds.BasicallyQualified && Thresholds.BasicallyQualified < Thresholds.Qualified
          && Thresholds.Qualified < Thresholds.Excellent && Thresholds.Excellent <= Total);

    public string Code => "scheme.grade-thresholds-invalid";

    public string Field => "gradeThresholds";

    public string MessageZh => "等次分数线须满足：0 < 基本合格 < 合格 < 优秀 ≤ 总分。";

    public string MessageEn => "Grade thresholds must satisfy 0 < basically qualified < qualified < excellent ≤ total.";
}

public sealed record ExcellentShareCapMustBeAFractionRule(decimal? Cap) : IBusinessRule
{
    public bool IsBroken() => Cap is { } cap && (cap <= 0 || cap > 1);

    public string Code => "scheme.excellent-share-cap-invalid";

    public string Field => "excellentShareCap";

    public string MessageZh => "优秀比例上限应大于 0 且不超过 1。";

    public string MessageEn => "The excellent share cap must be above 0 and at most 1.";
}

public sealed record PointsRulesMustFitTheSchemeRule(IReadOnlyList<PointsRule> Rules, IReadOnlyList<Dimension> Dimensions) : IBusinessRule
{
    public bool IsBroken() =>
        Rules.Any(r => string.IsNullOrWhiteSpace(r.Code) || string.IsNullOrWhiteSpace(r.EventType) || r.Points == 0
            || (r.CapPerPeriod is { } cap && cap <= 0)
            || Dimensions.All(d => d.Code != r.Dimension))
        || Rules.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count() != Rules.Count;

    public string Code => "scheme.rules-invalid";

    public string Field => "rules";

    public string MessageZh => "积分规则须有唯一代码、事件类型、非零分值和正的周期上限，且所属维度在方案中。";

    public string MessageEn => "Each rule needs a unique code, an event type, non-zero points, a positive cap, and a dimension of the scheme.";
}

public sealed record SchemeMustBeOpenRule(bool Closed) : IBusinessRule
{
    public bool IsBroken() => Closed;

    public string Code => "scheme.closed";

    public string MessageZh => "该考核年度已结束，积分台账已冻结。";

    public string MessageEn => "The year is closed; its ledger is frozen.";
}

public sealed record RevisionMustKeepExistingDimensionsRule(IReadOnlyList<Dimension> Current, IReadOnlyList<Dimension> Revised) : IBusinessRule
{
    public bool IsBroken() => Current.Any(c => Revised.All(r => r.Code != c.Code));

    public string Code => "scheme.dimension-removed";

    public string Field => "dimensions";

    public string MessageZh => "修订不能删除已有的考评维度（台账中的积分指向它们）。";

    public string MessageEn => "A revision cannot remove an existing dimension: ledger entries refer to it.";
}

/// <summary>Once the year has started, a change needs a reason and the date it applies from (within the year).</summary>
public sealed record RevisionAfterStartNeedsReasonAndDateRule(int Year, DateOnly Today, string? Reason, DateOnly? EffectiveFrom) : IBusinessRule
{
    public bool IsBroken() =>
        Today >= new DateOnly(Year, 1, 1)
        && (string.IsNullOrWhiteSpace(Reason) || EffectiveFrom is not { } from || from.Year != Year);

    public string Code => "scheme.revision-needs-reason";

    public string Field => string.IsNullOrWhiteSpace(Reason) ? "reason" : "effectiveFrom";

    public string MessageZh => "考核年度开始后修订方案，须说明理由并给出本年度内的生效日期。";

    public string MessageEn => "Once the year has started, a revision needs a reason and an effective date within the year.";
}

public sealed record OnlyAClosedYearTakesObjectionCorrectionsRule(bool Closed) : IBusinessRule
{
    public bool IsBroken() => !Closed;

    public string Code => "scheme.not-closed";

    public string MessageZh => "考核年度尚未结束，请直接录入积分。";

    public string MessageEn => "The year is not closed; enter points on the ledger directly.";
}
