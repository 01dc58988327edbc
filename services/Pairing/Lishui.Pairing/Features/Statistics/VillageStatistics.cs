using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Statistics;

/// <summary>
/// One village's month: attendance at the Tuesday study (present of the attendance recorded, excused
/// counted apart) and the member pairs in contact on time at the month's end (or today, for this month).
/// </summary>
public sealed record VillagePairingFigures(
    Guid VillageId, string Village, int Sessions, int AttendanceRecorded, int Present, int Excused, decimal? AttendanceRate,
    int ActivePairs, int PairsOnTime, decimal? ContactRate);

public sealed record PairingStatisticsResponse(string Month, DateOnly From, DateOnly To, IReadOnlyList<VillagePairingFigures> Villages);

/// <summary>
/// GET /statistics/villages?month=2026-11: the town overview's Pairing figures, one row per village (a
/// lowest party committee), each over its whole subtree. Read-only, for the town and auditors.
/// </summary>
public static class VillageStatistics
{
    public static RouteHandlerBuilder MapVillageStatistics(this IEndpointRouteBuilder api) =>
        // The town overview's figures per village: the whole town's, read by the town and auditors.
        api.MapGet("/statistics/villages", HandleAsync).RequireAccess(PairingAccess.TownRead)
            .WithName("GetPairingVillageStatistics")
            .WithSummary("各村结对与学习统计 / Pairing figures per village and month")
            .WithDescription("按村统计某月的党建星期二学习出勤率和结对联系按时率。/ Per village and month: Tuesday study attendance and member pairs in contact on time.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PairingStatisticsResponse>, ProblemHttpResult>> HandleAsync(
        string? month, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = TownCalendar.DateOf(time.GetUtcNow());
        if (!TryMonth(month, today, out var from))
        {
            return Problems.Result(Problems.Validation([new FieldError("month", "statistics.month-invalid", "月份格式应为 yyyy-MM，例如 2026-11。", "The month must be yyyy-MM, e.g. 2026-11.")]));
        }

        var to = from.AddMonths(1).AddDays(-1);
        var asOf = to < today ? to : today;
        var villageOf = await db.VillagesAsync(ct);

        var pairings = await db.OrganisationPairings.AsNoTracking().Select(p => new { p.Id, p.VillageCommitteeId, p.ContactEveryDays }).ToListAsync(ct);
        var pairingVillage = pairings.Where(p => villageOf.ContainsKey(p.VillageCommitteeId)).ToDictionary(p => p.Id, p => villageOf[p.VillageCommitteeId]);

        var attendance = await db.StudySessions.AsNoTracking()
            .Where(s => s.HeldOn >= from && s.HeldOn <= to)
            .Join(db.StudyAttendance.AsNoTracking(), s => s.Id, a => a.SessionId, (s, a) => new { s.PairingId, a.Status })
            .GroupBy(x => new { x.PairingId, x.Status })
            .Select(g => new { g.Key.PairingId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var sessions = await db.StudySessions.AsNoTracking().Where(s => s.HeldOn >= from && s.HeldOn <= to)
            .GroupBy(s => s.PairingId).Select(g => new { PairingId = g.Key, Count = g.Count() }).ToListAsync(ct);

        // A pair is on time when, as of the day, its last contact (or its start) is within the pairing's interval.
        var pairs = await db.MemberPairs.AsNoTracking()
            .Where(p => p.Since <= asOf && (p.EndedOn == null || p.EndedOn > asOf))
            .Select(p => new
            {
                p.Id, p.PairingId, p.Since,
                Last = db.Contacts.Where(c => c.MemberPairId == p.Id && c.ContactedOn <= asOf).Max(c => (DateOnly?)c.ContactedOn),
            })
            .ToListAsync(ct);
        var every = pairings.ToDictionary(p => p.Id, p => p.ContactEveryDays);

        var rows = villageOf.Values.Distinct().OrderBy(v => v.Name, StringComparer.Ordinal).Select(v =>
        {
            bool Mine(Guid pairing) => pairingVillage.TryGetValue(pairing, out var village) && village.Id == v.Id;
            var recorded = attendance.Where(a => Mine(a.PairingId)).ToList();
            var present = recorded.Where(a => a.Status == AttendanceStatus.Present).Sum(a => a.Count);
            var excused = recorded.Where(a => a.Status == AttendanceStatus.Excused).Sum(a => a.Count);
            var total = recorded.Sum(a => a.Count);
            var active = pairs.Where(p => Mine(p.PairingId)).ToList();
            var onTime = active.Count(p => ContactSchedule.MissedDueDate(p.Last ?? p.Since, every[p.PairingId], asOf) is null);
            return new VillagePairingFigures(v.Id, v.Name, sessions.Where(s => Mine(s.PairingId)).Sum(s => s.Count), total, present, excused,
                Rate(present, total), active.Count, onTime, Rate(onTime, active.Count));
        }).ToList();
        return TypedResults.Ok(new PairingStatisticsResponse($"{from:yyyy-MM}", from, to, rows));
    }

    private static decimal? Rate(int count, int of) => of == 0 ? null : Math.Round((decimal)count / of, 4);

    private static bool TryMonth(string? text, DateOnly today, out DateOnly first)
    {
        first = new DateOnly(today.Year, today.Month, 1);
        return text is null || (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", out first) && first.Year is >= 2000 and <= 2100);
    }
}
