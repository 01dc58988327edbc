using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record TransferMustChangeOrganisationRule(Guid From, Guid To) : IBusinessRule
{
    public bool IsBroken() => From == To;

    public string Code => "member.transfer-same-organisation";

    public string Field => "toOrganisationId";

    public string MessageZh => "党员已在该组织，无需转接。";

    public string MessageEn => "The member is already in this organisation.";
}
