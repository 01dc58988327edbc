using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

public sealed record RevisionMustKeepExistingDimensionsRule(IReadOnlyList<Dimension> Current, IReadOnlyList<Dimension> Revised) : IBusinessRule
{
    public bool IsBroken() => Current.Any(c => Revised.All(r => r.Code != c.Code));

    public string Code => "scheme.dimension-removed";

    public string Field => "dimensions";

    public string MessageZh => "修订不能删除已有的考评维度（台账中的积分指向它们）。";

    public string MessageEn => "A revision cannot remove an existing dimension: ledger entries refer to it.";
}
