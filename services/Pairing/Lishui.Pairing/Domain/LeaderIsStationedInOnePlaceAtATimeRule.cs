using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record LeaderIsStationedInOnePlaceAtATimeRule(DateOnly StartsOn, DateOnly? EndsOn, IEnumerable<StationingSchedule> Existing) : IBusinessRule
{
    public bool IsBroken() => Existing.Any(s => s.Overlaps(StartsOn, EndsOn));

    public string Code => "stationing.leader-already-stationed";

    public string Field => "startsOn";

    public string MessageZh => "该领导在此期间已在别处驻点。";

    public string MessageEn => "This leader is already stationed elsewhere for an overlapping period.";
}
