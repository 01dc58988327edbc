using Lishui.Pairing.Domain;
using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Data;

/// <summary>Writes each schedule's Tuesday visits when first needed; a visit already there is left as it is.</summary>
public static class StationingCalendarStore
{
    public static async Task<int> EnsureVisitsAsync(this PairingDbContext db, IReadOnlyCollection<StationingSchedule> schedules, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var due = schedules
            .SelectMany(s => TownCalendar.Tuesdays(from, to).Where(s.VisitsOn).Select(tuesday => (Schedule: s, Tuesday: tuesday)))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(d => d.Schedule.Id).Distinct().ToList();
        var (first, last) = (due.Min(d => d.Tuesday), due.Max(d => d.Tuesday));
        var existing = (await db.StationingVisits.AsNoTracking()
                .Where(v => ids.Contains(v.ScheduleId) && v.On >= first && v.On <= last)
                .Select(v => new { v.ScheduleId, v.On })
                .ToListAsync(ct))
            .Select(v => (v.ScheduleId, v.On))
            .ToHashSet();

        var added = 0;
        foreach (var (schedule, tuesday) in due.Where(d => !existing.Contains((d.Schedule.Id, d.Tuesday))))
        {
            var v = schedule.PlanVisit(Guid.CreateVersion7(), tuesday);
            added += await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO stationing_visits (id, schedule_id, leader_member_id, village_committee_id, on_date, starts_at, ends_at, place, service_position_id, version)
                VALUES ({v.Id}, {v.ScheduleId}, {v.LeaderMemberId}, {v.VillageCommitteeId}, {v.On}, {v.StartsAt}, {v.EndsAt}, {v.Place}, {v.ServicePositionId}, 0)
                ON CONFLICT (schedule_id, on_date) DO NOTHING
                """, ct);
        }

        return added;
    }
}
