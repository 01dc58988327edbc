using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record PairedOrganisationMustBeKnownAndOpenRule(PairedOrganisation Organisation, string FieldName) : IBusinessRule
{
    public bool IsBroken() => !Organisation.IsKnown || Organisation.IsClosed;

    public string Code => Organisation.IsKnown ? "pairing.organisation-closed" : "pairing.organisation-unknown";

    public string Field => FieldName;

    public string MessageZh => Organisation.IsKnown ? $"组织“{Organisation.Name}”已撤销，不能结对。" : "该组织不存在（或尚未同步）。";

    public string MessageEn => Organisation.IsKnown ? $"The organisation '{Organisation.Name}' is closed and cannot be paired." : "The organisation is not known (or not yet synchronised).";
}
