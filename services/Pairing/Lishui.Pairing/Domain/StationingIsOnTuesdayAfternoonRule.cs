using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record StationingIsOnTuesdayAfternoonRule(TimeOnly StartTime, TimeOnly EndTime) : IBusinessRule
{
    public bool IsBroken() =>
        StartTime < StationingSchedule.AfternoonFrom || EndTime > StationingSchedule.AfternoonUntil || EndTime <= StartTime;

    public string Code => "stationing.not-afternoon";

    public string Field => "startTime";

    public string MessageZh => "驻点时间为星期二下午（12:00 至 18:30），结束时间须晚于开始时间。";

    public string MessageEn => "Stationing is on Tuesday afternoons (12:00 to 18:30), ending after it starts.";
}
