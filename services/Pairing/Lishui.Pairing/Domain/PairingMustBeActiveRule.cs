using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record PairingMustBeActiveRule(OrganisationPairing Pairing) : IBusinessRule
{
    public bool IsBroken() => Pairing.IsEnded;

    public string Code => "pairing.ended";

    public string MessageZh => "该组织结对已结束。";

    public string MessageEn => "This organisation pairing has ended.";
}
