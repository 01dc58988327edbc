using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

public sealed record OnlyAnEmptyOrganisationClosesRule(int OpenChildren, int MembersOnRoll) : IBusinessRule
{
    public bool IsBroken() => OpenChildren > 0 || MembersOnRoll > 0;

    public string Code => "organisation.not-empty";

    public string MessageZh => $"组织下仍有 {OpenChildren} 个下级组织和 {MembersOnRoll} 名党员，不能撤销。";

    public string MessageEn => $"The organisation still has {OpenChildren} open sub-organisations and {MembersOnRoll} members.";
}
