using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.Organisations;

public sealed record PartyMassGroupNeedsACooperativeRule(OrganisationKind Kind, string? EconomicCooperative) : IBusinessRule
{
    public bool IsBroken() => Kind == OrganisationKind.PartyMassGroup && string.IsNullOrWhiteSpace(EconomicCooperative);

    public string Code => "organisation.cooperative-required";

    public string Field => "economicCooperative";

    public string MessageZh => "党群小组须对应一个经济社。";

    public string MessageEn => "A party–mass group belongs to an economic cooperative.";
}
