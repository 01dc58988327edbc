using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record VisitIsHeldInItsWeekRule(DateOnly On, DateOnly HeldOn) : IBusinessRule
{
    public bool IsBroken() => TownCalendar.TuesdayOf(HeldOn) != TownCalendar.TuesdayOf(On);

    public string Code => "stationing-visit.outside-week";

    public string Field => "heldOn";

    public string MessageZh => "驻点的实际日期应在计划的那一周内。";

    public string MessageEn => "A visit is held in the week it was scheduled for.";
}
