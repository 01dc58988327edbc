using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record VisitCannotBeHeldInTheFutureRule(DateOnly HeldOn, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => HeldOn > Today;

    public string Code => "stationing-visit.in-future";

    public string Field => "heldOn";

    public string MessageZh => "只能记录已进行的驻点（日期不能晚于今天）。";

    public string MessageEn => "Only a visit already made can be recorded (the date cannot be in the future).";
}
