using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

/// <summary>Only probationary and full members move; a member under advice to withdraw stays where the case is.</summary>
public sealed record OnlyAnActiveMemberTransfersRule(MemberStatus Status) : IBusinessRule
{
    public bool IsBroken() => Status is not (MemberStatus.Probationary or MemberStatus.Full);

    public string Code => "member.not-active";

    public string MessageZh => $"党员当前状态为“{MemberStatusTransitions.Label(Status)}”，不能办理此项。";

    public string MessageEn => $"The member's status is {Status}; this is not possible now.";
}
