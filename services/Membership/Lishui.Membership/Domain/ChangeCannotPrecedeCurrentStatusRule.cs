using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record ChangeCannotPrecedeCurrentStatusRule(DateOnly CurrentSince, DateOnly EffectiveOn) : IBusinessRule
{
    public bool IsBroken() => EffectiveOn < CurrentSince;

    public string Code => "member.change-before-current-status";

    public string Field => "effectiveOn";

    public string MessageZh => $"生效日期不能早于当前状态的生效日期（{CurrentSince:yyyy-MM-dd}）。";

    public string MessageEn => $"The change cannot take effect before the current status did ({CurrentSince:yyyy-MM-dd}).";
}
