using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record VisitIsRecordedOnceRule(StationingVisit Visit) : IBusinessRule
{
    public bool IsBroken() => Visit.IsHeld;

    public string Code => "stationing-visit.already-recorded";

    public string Field => "on";

    public string MessageZh => "该次驻点已记录。";

    public string MessageEn => "This stationing visit is already recorded.";
}
