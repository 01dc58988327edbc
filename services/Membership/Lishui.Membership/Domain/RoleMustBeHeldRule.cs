using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record RoleMustBeHeldRule(MemberRole Role, RoleAssignment? Assignment) : IBusinessRule
{
    public bool IsBroken() => Assignment is not { IsActive: true };

    public string Code => "member.role-not-held";

    public string Field => "role";

    public string MessageZh => $"该党员未担任{RoleAssignment.Label(Role)}。";

    public string MessageEn => $"The member does not hold the role {Role}.";
}
