using System.Globalization;
using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.ThisTuesday;

/// <summary>One paired group's study of the week, as the public home page shows it.</summary>
public sealed record PublicTuesdaySession(
    Guid PairingId,
    Guid OrganBranchId,
    string? OrganBranchName,
    Guid VillageCommitteeId,
    string? VillageCommitteeName,
    DateOnly On,
    DateTimeOffset? StartsAt,
    int? DurationMinutes,
    string? Place,
    string? Topic,
    ScheduledSessionStatus State,
    string StateText,
    string? Reason);

/// <summary>One stationing visit of the week: where a town leader receives villagers.</summary>
public sealed record PublicStationingVisit(
    Guid VillageCommitteeId,
    string? VillageName,
    string? LeaderName,
    DateOnly On,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Place,
    bool Held);

public sealed record PublicThisTuesdayResponse(
    DateOnly Tuesday,
    DateOnly WeekStartsOn,
    DateOnly WeekEndsOn,
    IReadOnlyList<PublicTuesdaySession> Sessions,
    IReadOnlyList<PublicStationingVisit> StationingVisits);

/// <summary>
/// GET /public/this-tuesday?date=…: the town's Party Building Tuesday of the week of the date (default
/// today, town time) for the public portal, without sign-in: every running pairing's study (what, where,
/// when, moved or skipped and why) and the stationing visits. Only what is already public: organisation
/// names, the stationed leader's name; no member lists, attendance, contacts or member ids.
/// </summary>
public static class PublicThisTuesday
{
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    public static RouteHandlerBuilder MapPublicThisTuesday(this IEndpointRouteBuilder api) =>
        // The public portal's home page: the town's Tuesday without sign-in (rate-limited per client).
        api.MapGet("/public/this-tuesday", HandleAsync).RequireAccess(PairingAccess.Anyone)
            .WithName("PublicThisTuesday")
            .WithSummary("本周党建星期二（全镇公开：学习安排与驻点接访）/ This week's Party Building Tuesday, town-wide and public")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Ok<PublicThisTuesdayResponse>, ProblemHttpResult>> HandleAsync(
        string? date, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (ParseDate(date, time) is not { } day)
        {
            return Problems.Result(Problems.Validation([new FieldError("date", "this-tuesday.date-invalid",
                $"日期格式应为 yyyy-MM-dd（如 2026-03-03），且在 {EarliestDate:yyyy} 年至 {LatestDate:yyyy} 年之间。",
                $"The date must be yyyy-MM-dd (e.g. 2026-03-03), between {EarliestDate:yyyy} and {LatestDate:yyyy}.")]));
        }

        var tuesday = TownCalendar.TuesdayOf(day);
        var (monday, sunday) = (tuesday.AddDays(-1), tuesday.AddDays(5));
        var sessions = await SessionsAsync(db, tuesday, monday, sunday, ct);
        var visits = await VisitsAsync(db, tuesday, ct);
        return TypedResults.Ok(new PublicThisTuesdayResponse(tuesday, monday, sunday, sessions, visits));
    }

    private static DateOnly? ParseDate(string? text, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return time.Today();
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && d >= EarliestDate && d <= LatestDate
            ? d
            : null;
    }

    // Reads only: an anonymous caller must not make the calendar write weeks (any date, every pairing), so a
    // week not yet on the calendar is shown as the group's regular schedule would plan it.
    private static async Task<List<PublicTuesdaySession>> SessionsAsync(PairingDbContext db, DateOnly tuesday, DateOnly monday, DateOnly sunday, CancellationToken ct)
    {
        var pairings = await db.OrganisationPairings.AsNoTracking()
            .Where(p => p.StartsOn <= sunday && (p.EndsOn == null || p.EndsOn >= monday))
            .ToListAsync(ct);
        if (pairings.Count == 0)
        {
            return [];
        }

        var ids = pairings.Select(p => p.Id).ToList();
        var scheduled = await db.ScheduledSessions.AsNoTracking()
            .Where(s => ids.Contains(s.PairingId) && (s.WeekOf == tuesday || (s.On >= monday && s.On <= sunday)))
            .ToListAsync(ct);
        var held = await db.StudySessions.AsNoTracking()
            .Where(s => ids.Contains(s.PairingId) && s.HeldOn >= monday && s.HeldOn <= sunday)
            .Select(s => new { s.Id, s.PairingId, s.HeldOn, s.Topic, s.MovedReason })
            .ToListAsync(ct);
        var organisationIds = pairings.SelectMany(p => new[] { p.OrganBranchId, p.VillageCommitteeId }).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.OrganisationId))
            .ToDictionaryAsync(o => o.OrganisationId, o => o.Name, ct);

        var result = new List<PublicTuesdaySession>();
        foreach (var pairing in pairings)
        {
            PublicTuesdaySession Of(DateOnly on, DateTimeOffset? startsAt, int? minutes, string? place, string? topic, ScheduledSessionStatus state, string? reason) =>
                new(pairing.Id, pairing.OrganBranchId, names.GetValueOrDefault(pairing.OrganBranchId), pairing.VillageCommitteeId,
                    names.GetValueOrDefault(pairing.VillageCommitteeId), on, startsAt, minutes, place, topic, state, StateText(state),
                    state == ScheduledSessionStatus.Scheduled ? null : reason);

            var own = scheduled.Where(s => s.PairingId == pairing.Id).ToList();
            foreach (var s in own)
            {
                var topic = held.FirstOrDefault(h => h.Id == s.HeldSessionId)?.Topic ?? s.Topic;
                result.Add(Of(s.On, TownCalendar.InTown(s.StartsAt), (int)(s.EndsAt - s.StartsAt).TotalMinutes, s.Place, topic, s.Status, s.ChangeReason));
            }

            // Recorded without a calendar entry (the group had no schedule yet): it still took place this week.
            var unscheduled = held.Where(h => h.PairingId == pairing.Id && own.All(s => s.Id != h.Id)).ToList();
            foreach (var h in unscheduled)
            {
                result.Add(Of(h.HeldOn, null, null, null, h.Topic, ScheduledSessionStatus.Held, h.MovedReason));
            }

            if (own.All(s => s.WeekOf != tuesday) && unscheduled.Count == 0 && pairing.StudiesInWeekOf(tuesday))
            {
                var planned = ScheduledStudySession.Plan(Guid.Empty, pairing.Id, tuesday, pairing.StudyTime!.Value,
                    pairing.StudyDurationMinutes ?? OrganisationPairing.DefaultStudyDurationMinutes, pairing.StudyPlace!);
                result.Add(Of(planned.On, TownCalendar.InTown(planned.StartsAt), (int)(planned.EndsAt - planned.StartsAt).TotalMinutes, planned.Place,
                    null, ScheduledSessionStatus.Scheduled, null));
            }
        }

        // Sessions without a known time (recorded afterwards) come after that day's timed ones.
        return result
            .OrderBy(s => s.On)
            .ThenBy(s => s.StartsAt is null)
            .ThenBy(s => s.StartsAt)
            .ThenBy(s => s.VillageCommitteeName, StringComparer.Ordinal)
            .ThenBy(s => s.PairingId)
            .ToList();
    }

    private static async Task<List<PublicStationingVisit>> VisitsAsync(PairingDbContext db, DateOnly tuesday, CancellationToken ct)
    {
        var schedules = await db.StationingSchedules.AsNoTracking()
            .Where(s => s.StartsOn <= tuesday && (s.EndsOn == null || s.EndsOn >= tuesday))
            .ToListAsync(ct);
        if (schedules.Count == 0)
        {
            return [];
        }

        var scheduleIds = schedules.Select(s => s.Id).ToList();
        var stored = await db.StationingVisits.AsNoTracking()
            .Where(v => scheduleIds.Contains(v.ScheduleId) && v.On == tuesday)
            .ToListAsync(ct);
        var visits = stored
            .Concat(schedules.Where(s => s.VisitsOn(tuesday) && stored.All(v => v.ScheduleId != s.Id)).Select(s => s.PlanVisit(Guid.Empty, tuesday)))
            .ToList();
        var leaderIds = visits.Select(v => v.LeaderMemberId).Distinct().ToList();
        var villageIds = visits.Select(v => v.VillageCommitteeId).Distinct().ToList();

        // The stationed leader is announced to the village by name; nothing else of the member is shown.
        var leaders = await db.Members.AsNoTracking()
            .Where(m => leaderIds.Contains(m.MemberId))
            .ToDictionaryAsync(m => m.MemberId, m => m.Name, ct);
        var villages = await db.Organisations.AsNoTracking()
            .Where(o => villageIds.Contains(o.OrganisationId))
            .ToDictionaryAsync(o => o.OrganisationId, o => o.Name, ct);
        return visits
            .Select(v => new PublicStationingVisit(v.VillageCommitteeId, villages.GetValueOrDefault(v.VillageCommitteeId), leaders.GetValueOrDefault(v.LeaderMemberId),
                v.On, TownCalendar.InTown(v.StartsAt), TownCalendar.InTown(v.EndsAt), v.Place, v.IsHeld))
            .OrderBy(v => v.StartsAt)
            .ThenBy(v => v.VillageName, StringComparer.Ordinal)
            .ThenBy(v => v.VillageCommitteeId)
            .ToList();
    }

    private static string StateText(ScheduledSessionStatus state) => state switch
    {
        ScheduledSessionStatus.Scheduled => "按计划",
        ScheduledSessionStatus.Moved => "已调整",
        ScheduledSessionStatus.Skipped => "本周暂停",
        ScheduledSessionStatus.Held => "已举行",
        _ => state.ToString(),
    };
}
