using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record NoOverlappingPairingOfTheSameTwoRule(DateOnly StartsOn, DateOnly? EndsOn, IEnumerable<OrganisationPairing> Existing) : IBusinessRule
{
    public bool IsBroken() => Existing.Any(p => p.Overlaps(StartsOn, EndsOn));

    public string Code => "pairing.overlapping";

    public string Field => "startsOn";

    public string MessageZh => "这两个组织在该时段内已有结对。";

    public string MessageEn => "These two organisations are already paired for an overlapping period.";
}
