using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record VisitMustHaveTakenPlaceRule(StationingVisit Visit, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => !Visit.TakesRequestsOn(Today);

    public string Code => "stationing-visit.not-yet";

    public string MessageZh => "驻点尚未进行，不能登记群众诉求。";

    public string MessageEn => "The visit has not taken place yet; no requests can be recorded for it.";
}
