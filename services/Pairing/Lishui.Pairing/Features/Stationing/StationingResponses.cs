using Lishui.Pairing.Domain;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Features.Stationing;

public sealed record StationingScheduleResponse(
    Guid Id,
    Guid LeaderMemberId,
    Guid VillageCommitteeId,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    TimeOnly StartTime,
    TimeOnly EndTime,
    string Place,
    string CreatedBy,
    Guid? ServicePositionId)
{
    public static StationingScheduleResponse From(StationingSchedule s) =>
        new(s.Id, s.LeaderMemberId, s.VillageCommitteeId, s.StartsOn, s.EndsOn, s.StartTime, s.EndTime, s.Place, s.CreatedBy, s.ServicePositionId);
}

public sealed record StationingVisitResponse(
    Guid Id,
    Guid ScheduleId,
    Guid LeaderMemberId,
    Guid VillageCommitteeId,
    DateOnly On,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Place,
    bool Held,
    DateOnly? HeldOn,
    string? Notes,
    string? RecordedBy,
    Guid? ServicePositionId)
{
    public static StationingVisitResponse From(StationingVisit v) =>
        new(v.Id, v.ScheduleId, v.LeaderMemberId, v.VillageCommitteeId, v.On, TownCalendar.InTown(v.StartsAt), TownCalendar.InTown(v.EndsAt),
            v.Place, v.IsHeld, v.HeldOn, v.Notes, v.RecordedBy, v.ServicePositionId);
}
