using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record TransferCannotPrecedeCurrentOrganisationRule(DateOnly Since, DateOnly EffectiveOn) : IBusinessRule
{
    public bool IsBroken() => EffectiveOn < Since;

    public string Code => "member.transfer-before-current-organisation";

    public string Field => "effectiveOn";

    public string MessageZh => $"转接日期不能早于党员进入当前组织的日期（{Since:yyyy-MM-dd}）。";

    public string MessageEn => $"The transfer cannot take effect before the member came to the current organisation ({Since:yyyy-MM-dd}).";
}
