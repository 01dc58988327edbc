using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Contacts;

public sealed record PairContactStatus(
    Guid MemberPairId,
    Guid PairingId,
    Guid OrganMemberId,
    string OrganMemberName,
    Guid VillageMemberId,
    string VillageMemberName,
    DateOnly Since,
    DateOnly? LastContactedOn,
    DateOnly DueOn,
    bool Overdue,
    int DaysOverdue);

/// <summary>
/// GET /organisations/{id}/contact-status: each active member pair of the organisation's pairings with
/// its last contact and when the next one is due; the late ones first (most days late first).
/// <c>overdue=true</c> keeps only the late pairs, <c>overdue=false</c> only those in contact on time.
/// </summary>
public static class ContactStatus
{
    public static RouteHandlerBuilder MapContactStatus(this IEndpointRouteBuilder api) =>
        api.MapGet("/organisations/{id:guid}/contact-status", HandleAsync).RequireAccess(PairingAccess.SubtreeRead, ScopeRef.Route("id", PairingScopes.Organisation))
            .WithName("ContactStatus").WithSummary("结对联系情况（逾期在前）/ Member pairs' contact status, overdue first");

    private static async Task<Page<PairContactStatus>> HandleAsync(
        Guid id, bool? overdue, int? page, int? pageSize, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var today = time.Today();
        var pairings = await db.OrganisationPairings.AsNoTracking()
            .Where(p => p.EndedAt == null && (p.EndsOn == null || p.EndsOn >= today) && (p.OrganBranchId == id || p.VillageCommitteeId == id))
            .ToDictionaryAsync(p => p.Id, p => p.ContactEveryDays, ct);
        var ids = pairings.Keys.ToList();
        var pairs = await db.MemberPairs.AsNoTracking().Where(p => p.EndedOn == null && ids.Contains(p.PairingId)).ToListAsync(ct);
        var states = pairs
            .Select(p =>
            {
                var every = pairings[p.PairingId];
                var due = (p.LastContactedOn ?? p.Since).AddDays(every);
                var late = p.MissedDueDate(every, today) is not null;
                return (Pair: p, Due: due, Late: late);
            })
            .Where(s => overdue is null || s.Late == overdue)
            .OrderByDescending(s => s.Late).ThenBy(s => s.Due).ThenBy(s => s.Pair.Id)
            .ToList();
        var shown = states.Skip(skip).Take(size).ToList();
        var memberIds = shown.SelectMany(s => new[] { s.Pair.OrganMemberId, s.Pair.VillageMemberId }).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, m => m.Name, ct);
        var items = shown.Select(s => new PairContactStatus(
                s.Pair.Id, s.Pair.PairingId,
                s.Pair.OrganMemberId, names.GetValueOrDefault(s.Pair.OrganMemberId) ?? string.Empty,
                s.Pair.VillageMemberId, names.GetValueOrDefault(s.Pair.VillageMemberId) ?? string.Empty,
                s.Pair.Since, s.Pair.LastContactedOn, s.Due, s.Late, s.Late ? today.DayNumber - s.Due.DayNumber : 0))
            .ToList();
        return new Page<PairContactStatus>(items, number, size, states.Count);
    }
}
