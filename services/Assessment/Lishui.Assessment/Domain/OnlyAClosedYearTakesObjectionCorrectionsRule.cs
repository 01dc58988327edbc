using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

public sealed record OnlyAClosedYearTakesObjectionCorrectionsRule(bool Closed) : IBusinessRule
{
    public bool IsBroken() => !Closed;

    public string Code => "scheme.not-closed";

    public string MessageZh => "考核年度尚未结束，请直接录入积分。";

    public string MessageEn => "The year is not closed; enter points on the ledger directly.";
}
