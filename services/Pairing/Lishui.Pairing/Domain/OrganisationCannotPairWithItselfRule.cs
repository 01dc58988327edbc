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
