using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

public sealed record SchemeMustBeOpenRule(bool Closed) : IBusinessRule
{
    public bool IsBroken() => Closed;

    public string Code => "scheme.closed";

    public string MessageZh => "该考核年度已结束，积分台账已冻结。";

    public string MessageEn => "The year is closed; its ledger is frozen.";
}
