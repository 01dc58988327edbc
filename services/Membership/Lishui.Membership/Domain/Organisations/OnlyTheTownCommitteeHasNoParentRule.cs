using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

/// <summary>The town party committee is the one root; everything else hangs below something.</summary>
public sealed record OnlyTheTownCommitteeHasNoParentRule(OrganisationKind Kind, Organisation? Parent) : IBusinessRule
{
    public bool IsBroken() => Parent is null && Kind != OrganisationKind.PartyCommittee;

    public string Code => "organisation.parent-required";

    public string Field => "parentId";

    public string MessageZh => "只有镇党委可以没有上级组织，请指定上级组织。";

    public string MessageEn => "Only the town party committee has no parent; give a parent organisation.";
}
