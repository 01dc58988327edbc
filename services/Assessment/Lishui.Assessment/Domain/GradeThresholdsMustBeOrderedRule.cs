using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

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
