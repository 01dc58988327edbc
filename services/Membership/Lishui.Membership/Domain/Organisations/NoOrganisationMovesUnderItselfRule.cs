using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

public sealed record NoOrganisationMovesUnderItselfRule(Organisation Moving, Organisation NewParent) : IBusinessRule
{
    public bool IsBroken() => NewParent.Path.StartsWith(Moving.Path, StringComparison.Ordinal);

    public string Code => "organisation.move-cycle";

    public string Field => "parentId";

    public string MessageZh => "不能将组织移动到其自身或其下级组织之下。";

    public string MessageEn => "An organisation cannot move under itself or one of its descendants.";
}
