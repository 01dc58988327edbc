using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record FullMembershipCannotPrecedeJoiningRule(DateOnly JoinedOn, DateOnly FullMemberOn) : IBusinessRule
{
    public bool IsBroken() => FullMemberOn < JoinedOn;

    public string Code => "member.full-before-joining";

    public string Field => "fullMemberOn";

    public string MessageZh => "转正日期不能早于入党日期。";

    public string MessageEn => "Full membership cannot start before joining.";
}
