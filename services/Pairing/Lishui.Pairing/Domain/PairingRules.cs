using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record OrganisationCannotPairWithItselfRule(Guid OrganBranchId, Guid VillageCommitteeId) : IBusinessRule
{
    public bool IsBroken() => OrganBranchId == VillageCommitteeId;

    public string Code => "pairing.same-organisation";

    public string Field => "villageCommitteeId";

    public string MessageZh => "组织不能与自身结对。";

    public string MessageEn => "An organisation cannot be paired with itself.";
}

public sealed record PairedOrganisationMustBeKnownAndOpenRule(PairedOrganisation Organisation, string FieldName) : IBusinessRule
{
    public bool IsBroken() => !Organisation.IsKnown || Organisation.IsClosed;

    public string Code => Organisation.IsKnown ? "pairing.organisation-closed" : "pairing.organisation-unknown";

    public string Field => FieldName;

    public string MessageZh => Organisation.IsKnown ? $"组织“{Organisation.Name}”已撤销，不能结对。" : "该组织不存在（或尚未同步）。";

    public string MessageEn => Organisation.IsKnown ? $"The organisation '{Organisation.Name}' is closed and cannot be paired." : "The organisation is not known (or not yet synchronised).";
}

public sealed record PairingMustEndAfterItStartsRule(DateOnly StartsOn, DateOnly? EndsOn, string FieldName) : IBusinessRule
{
    public bool IsBroken() => EndsOn is { } end && end < StartsOn;

    public string Code => "pairing.ends-before-start";

    public string Field => FieldName;

    public string MessageZh => "结束日期不能早于开始日期。";

    public string MessageEn => "The end date cannot be before the start date.";
}

public sealed record NoOverlappingPairingOfTheSameTwoRule(DateOnly StartsOn, DateOnly? EndsOn, IEnumerable<OrganisationPairing> Existing) : IBusinessRule
{
    public bool IsBroken() => Existing.Any(p => p.Overlaps(StartsOn, EndsOn));

    public string Code => "pairing.overlapping";

    public string Field => "startsOn";

    public string MessageZh => "这两个组织在该时段内已有结对。";

    public string MessageEn => "These two organisations are already paired for an overlapping period.";
}

public sealed record PairingMustBeActiveRule(OrganisationPairing Pairing) : IBusinessRule
{
    public bool IsBroken() => Pairing.IsEnded;

    public string Code => "pairing.ended";

    public string MessageZh => "该组织结对已结束。";

    public string MessageEn => "This organisation pairing has ended.";
}
