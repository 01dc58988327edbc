using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record StationedLeaderMustBeAnEligibleMemberRule(StationedLeader Leader) : IBusinessRule
{
    public bool IsBroken() => !Leader.IsKnown || !Leader.IsEligible;

    public string Code => Leader.IsKnown ? "stationing.leader-not-eligible" : "stationing.leader-unknown";

    public string Field => "leaderMemberId";

    public string MessageZh => Leader.IsKnown ? "该党员当前不在册（非正式或预备党员），不能驻点。" : "该党员不存在（或尚未同步）。";

    public string MessageEn => Leader.IsKnown ? "This member is not on the roll in good standing and cannot be stationed." : "The member is not known (or not yet synchronised).";
}
