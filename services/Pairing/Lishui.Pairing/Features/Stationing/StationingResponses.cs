using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;

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
    Guid? ServicePositionId,
    string? LeaderName = null,
    string? VillageName = null)
{
    public static StationingScheduleResponse From(StationingSchedule s) =>
        new(s.Id, s.LeaderMemberId, s.VillageCommitteeId, s.StartsOn, s.EndsOn, s.StartTime, s.EndTime, s.Place, s.CreatedBy, s.ServicePositionId);

    /// <summary>With the stationed leader's and the village's names from the local views, for screens.</summary>
    public static async Task<List<StationingScheduleResponse>> NamedAsync(PairingDbContext db, IReadOnlyCollection<StationingSchedule> schedules, CancellationToken ct)
    {
        var leaders = schedules.Select(s => s.LeaderMemberId).Distinct().ToList();
        var villages = schedules.Select(s => s.VillageCommitteeId).Distinct().ToList();
        var leaderNames = await db.Members.AsNoTracking().Where(m => leaders.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, m => m.Name, ct);
        var villageNames = await db.Organisations.AsNoTracking().Where(o => villages.Contains(o.OrganisationId)).ToDictionaryAsync(o => o.OrganisationId, o => o.Name, ct);
        return [.. schedules.Select(s => From(s) with
        {
            LeaderName = leaderNames.GetValueOrDefault(s.LeaderMemberId),
            VillageName = villageNames.GetValueOrDefault(s.VillageCommitteeId),
        })];
    }
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
