using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record RoleNotAlreadyHeldRule(MemberRole Role, bool AlreadyHeld) : IBusinessRule
{
    public bool IsBroken() => AlreadyHeld;

    public string Code => "member.role-already-held";

    public string Field => "role";

    public string MessageZh => $"该党员已担任{RoleAssignment.Label(Role)}。";

    public string MessageEn => $"The member already holds the role {Role}.";
}
