using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

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
