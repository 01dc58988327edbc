using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Messaging;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.ThisTuesday;

public sealed record TuesdaySession(
    Guid SessionId,
    Guid PairingId,
    Guid PartnerOrganisationId,
    string? PartnerName,
    DateOnly On,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Place,
    string? Topic,
    ScheduledSessionStatus Status,
    string? Reason,
    int ExpectedCount,
    IReadOnlyList<ExpectedMember> Expected);

public sealed record TuesdayStationing(
    Guid VisitId,
    Guid ScheduleId,
    Guid LeaderMemberId,
    string? LeaderName,
    Guid VillageCommitteeId,
    string? VillageName,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Place,
    bool Held);

public sealed record ThisTuesdayResponse(
    Guid OrganisationId,
    string OrganisationName,
    DateOnly Tuesday,
    IReadOnlyList<TuesdaySession> Sessions,
    IReadOnlyList<TuesdayStationing> Stationed);

/// <summary>
/// GET /organisations/{id}/this-tuesday?date=…: the Party Building Tuesday of the week of the date
/// (default today, town time) for one organisation: its groups' sessions (time, place, topic, moved
/// or skipped and why, who is expected), and who is stationed where (in its village, or its
/// members stationed elsewhere).
/// </summary>
public static class ThisTuesdayView
{
    public static RouteHandlerBuilder MapThisTuesday(this IEndpointRouteBuilder api) =>
        // An organisation's Tuesday: its secretaries (and those above) and its own members.
        api.MapGet("/organisations/{id:guid}/this-tuesday", HandleAsync).RequireAccess(PairingAccess.SubtreeOrOwnRead, ScopeRef.Route("id", PairingScopes.MemberOrganisation))
            .WithName("ThisTuesday").WithSummary("本周党建星期二 / This Tuesday for an organisation");

    private static async Task<Results<Ok<ThisTuesdayResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, DateOnly? date, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.OrganisationId == id, ct) is not { } organisation)
        {
            return Problems.NotFound("组织", "organisation");
        }

        var tuesday = TownCalendar.TuesdayOf(date ?? time.Today());
        var (monday, sunday) = (tuesday.AddDays(-1), tuesday.AddDays(5));
        var sessions = await SessionsAsync(db, id, tuesday, monday, sunday, ct);
        var stationed = await StationedAsync(db, id, tuesday, ct);
        return TypedResults.Ok(new ThisTuesdayResponse(id, organisation.Name, tuesday, sessions, stationed));
    }

    private static async Task<List<TuesdaySession>> SessionsAsync(PairingDbContext db, Guid id, DateOnly tuesday, DateOnly monday, DateOnly sunday, CancellationToken ct)
    {
        var pairings = await db.OrganisationPairings.AsNoTracking()
            .Where(p => (p.OrganBranchId == id || p.VillageCommitteeId == id) && p.StartsOn <= sunday && (p.EndsOn == null || p.EndsOn >= monday))
            .ToListAsync(ct);
        if (pairings.Count == 0)
        {
            return [];
        }

        await db.EnsureWeeksAsync(pairings, tuesday, tuesday, ct);
        var ids = pairings.Select(p => p.Id).ToList();
        var scheduled = await db.ScheduledSessions.AsNoTracking()
            .Where(s => ids.Contains(s.PairingId) && (s.WeekOf == tuesday || (s.On >= monday && s.On <= sunday)))
            .ToListAsync(ct);
        var held = await db.StudySessions.AsNoTracking()
            .Where(s => ids.Contains(s.PairingId) && s.HeldOn >= monday && s.HeldOn <= sunday)
            .ToListAsync(ct);
        var partnerIds = pairings.Select(p => p.OrganBranchId == id ? p.VillageCommitteeId : p.OrganBranchId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => partnerIds.Contains(o.OrganisationId)).ToDictionaryAsync(o => o.OrganisationId, o => o.Name, ct);

        var result = new List<TuesdaySession>();
        foreach (var pairing in pairings)
        {
            var partner = pairing.OrganBranchId == id ? pairing.VillageCommitteeId : pairing.OrganBranchId;
            var expected = await db.ExpectedMembersAsync(pairing, ct);
            foreach (var s in scheduled.Where(s => s.PairingId == pairing.Id))
            {
                var topic = held.FirstOrDefault(h => h.Id == s.HeldSessionId)?.Topic ?? s.Topic;
                result.Add(new TuesdaySession(s.Id, pairing.Id, partner, names.GetValueOrDefault(partner), s.On, TownCalendar.InTown(s.StartsAt),
                    TownCalendar.InTown(s.EndsAt), s.Place, topic, s.Status, s.ChangeReason, expected.Count, expected));
            }

            // Sessions recorded without a calendar entry (the group had no schedule yet) still took place this week.
            foreach (var h in held.Where(h => h.PairingId == pairing.Id && scheduled.All(s => s.Id != h.Id)))
            {
                result.Add(new TuesdaySession(h.Id, pairing.Id, partner, names.GetValueOrDefault(partner), h.HeldOn, null, null, null, h.Topic,
                    ScheduledSessionStatus.Held, h.MovedReason, expected.Count, expected));
            }
        }

        return result.OrderBy(s => s.On).ThenBy(s => s.StartsAt).ThenBy(s => s.PairingId).ToList();
    }

    private static async Task<List<TuesdayStationing>> StationedAsync(PairingDbContext db, Guid id, DateOnly tuesday, CancellationToken ct)
    {
        var subtree = await db.SubtreeAsync(id, ct);
        var ownMembers = db.Members.Where(m => subtree.Contains(m.OrganisationId)).Select(m => m.MemberId);
        var schedules = await db.StationingSchedules.AsNoTracking()
            .Where(s => (s.VillageCommitteeId == id || ownMembers.Contains(s.LeaderMemberId)) && s.StartsOn <= tuesday && (s.EndsOn == null || s.EndsOn >= tuesday))
            .ToListAsync(ct);
        if (schedules.Count == 0)
        {
            return [];
        }

        await db.EnsureVisitsAsync(schedules, tuesday, tuesday, ct);
        var scheduleIds = schedules.Select(s => s.Id).ToList();
        var visits = await db.StationingVisits.AsNoTracking().Where(v => scheduleIds.Contains(v.ScheduleId) && v.On == tuesday).ToListAsync(ct);
        var leaderIds = visits.Select(v => v.LeaderMemberId).Distinct().ToList();
        var villageIds = visits.Select(v => v.VillageCommitteeId).Distinct().ToList();
        var leaders = await db.Members.AsNoTracking().Where(m => leaderIds.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, m => m.Name, ct);
        var villages = await db.Organisations.AsNoTracking().Where(o => villageIds.Contains(o.OrganisationId)).ToDictionaryAsync(o => o.OrganisationId, o => o.Name, ct);
        return visits
            .OrderBy(v => v.StartsAt).ThenBy(v => v.Id)
            .Select(v => new TuesdayStationing(v.Id, v.ScheduleId, v.LeaderMemberId, leaders.GetValueOrDefault(v.LeaderMemberId), v.VillageCommitteeId,
                villages.GetValueOrDefault(v.VillageCommitteeId), TownCalendar.InTown(v.StartsAt), TownCalendar.InTown(v.EndsAt), v.Place, v.IsHeld))
            .ToList();
    }
}
