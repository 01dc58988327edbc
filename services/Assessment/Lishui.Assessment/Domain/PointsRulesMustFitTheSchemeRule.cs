using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

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
