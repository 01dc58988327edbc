using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

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
