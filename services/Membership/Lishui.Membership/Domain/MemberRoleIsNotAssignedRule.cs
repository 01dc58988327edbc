using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

/// <summary>Being on the roll already makes one a member; only the offices are assigned.</summary>
public sealed record MemberRoleIsNotAssignedRule(MemberRole Role) : IBusinessRule
{
    public bool IsBroken() => Role == MemberRole.Member;

    public string Code => "member.role-implicit";

    public string Field => "role";

    public string MessageZh => "在册党员即具有“党员”身份，无需任命。";

    public string MessageEn => "Every member on the roll is a Member; this role is not assigned.";
}
