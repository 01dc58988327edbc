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

namespace Lishui.Pairing.Features.PairingLists;

/// <summary>
/// POST /organisation-pairings/{id}/pairing-list: (re)generate the list from the local member
/// views of both organisations (their whole subtrees), keep what can stay, publish it.
/// GET the same path: the current list.
/// </summary>
public static class GeneratePairingList
{
    public static IEndpointRouteBuilder MapPairingList(this IEndpointRouteBuilder api)
    {
        api.MapPost("/organisation-pairings/{id:guid}/pairing-list", GenerateAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Pairing)
            .WithName("GeneratePairingList").WithSummary("生成/更新结对清单 / Generate or regenerate the pairing list")
            .Produces<PairingListResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/organisation-pairings/{id:guid}/pairing-list", GetAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Pairing)
            .WithName("GetPairingList").WithSummary("结对清单 / The pairing list");
        return api;
    }

    private static async Task<Results<Created<PairingListResponse>, IdempotentReplay, ProblemHttpResult>> GenerateAsync(Guid id, PairingDbContext db, TimeProvider time, HttpContext http)
    {
        if (!await db.OrganisationPairings.AnyAsync(p => p.Id == id, http.RequestAborted))
        {
            return Problems.NotFound("组织结对", "organisation pairing");
        }

        return await db.CreateOnceAsync(http, $"pairing-list.generate:{id}", new { id }, async ct =>
        {
            var pairing = await db.OrganisationPairings.FirstAsync(p => p.Id == id, ct);
            var now = time.GetUtcNow();
            var today = time.Today();
            var organ = await CandidatesAsync(db, pairing.OrganBranchId, ct);
            var village = await CandidatesAsync(db, pairing.VillageCommitteeId, ct);
            var pins = await db.Pins.AsNoTracking().Where(p => p.PairingId == id)
                .Select(p => new PairingPin(p.OrganMemberId, p.VillageMemberId)).ToListAsync(ct);
            var active = await db.MemberPairs.Where(p => p.PairingId == id && p.EndedOn == null).ToListAsync(ct);
            var before = active.Select(p => new PlannedPair(p.OrganMemberId, p.VillageMemberId, p.Pinned)).ToList();

            var planned = PairingListPlanner.Plan(organ, village, pins, before);
            pairing.CheckListCanBePublished();

            var byKey = active.ToDictionary(p => (p.OrganMemberId, p.VillageMemberId));
            var current = new List<MemberPair>(planned.Count);
            foreach (var plan in planned)
            {
                if (byKey.Remove((plan.OrganMemberId, plan.VillageMemberId), out var kept))
                {
                    kept.Repin(plan.Pinned);
                    current.Add(kept);
                }
                else
                {
                    var pair = MemberPair.Begin(Guid.CreateVersion7(now), id, plan, today);
                    db.MemberPairs.Add(pair);
                    current.Add(pair);
                }
            }

            foreach (var gone in byKey.Values)
            {
                gone.End(today);
            }

            pairing.PublishList(current, now);


            var response = await ToResponseAsync(db, pairing.Id, pairing.ListRevision, PairingListPlanner.CountMoved(before, planned), current, ct);
            return (response, $"/organisation-pairings/{id}/pairing-list");
        }, time);
    }

    private static async Task<Results<Ok<PairingListResponse>, ProblemHttpResult>> GetAsync(Guid id, PairingDbContext db, CancellationToken ct)
    {
        if (await db.OrganisationPairings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } pairing)
        {
            return Problems.NotFound("组织结对", "organisation pairing");
        }

        var active = await db.MemberPairs.AsNoTracking().Where(p => p.PairingId == id && p.EndedOn == null).ToListAsync(ct);
        return TypedResults.Ok(await ToResponseAsync(db, id, pairing.ListRevision, 0, active, ct));
    }

    private static async Task<List<PairingCandidate>> CandidatesAsync(PairingDbContext db, Guid organisationId, CancellationToken ct)
    {
        var subtree = await db.SubtreeAsync(organisationId, ct);
        return await db.Members.AsNoTracking()
            .Where(m => subtree.Contains(m.OrganisationId))
            .Select(m => new PairingCandidate(m.MemberId, m.Status))
            .ToListAsync(ct);
    }

    private static async Task<PairingListResponse> ToResponseAsync(
        PairingDbContext db, Guid pairingId, int revision, int moved, IReadOnlyCollection<MemberPair> pairs, CancellationToken ct)
    {
        var ids = pairs.SelectMany(p => new[] { p.OrganMemberId, p.VillageMemberId }).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, m => m.Name, ct);
        var entries = pairs
            .OrderBy(p => names.GetValueOrDefault(p.OrganMemberId)).ThenBy(p => p.OrganMemberId)
            .ThenBy(p => names.GetValueOrDefault(p.VillageMemberId)).ThenBy(p => p.VillageMemberId)
            .Select(p => new PairingListEntry(
                p.Id, p.OrganMemberId, names.GetValueOrDefault(p.OrganMemberId) ?? string.Empty,
                p.VillageMemberId, names.GetValueOrDefault(p.VillageMemberId) ?? string.Empty, p.Pinned, p.Since, p.LastContactedOn))
            .ToList();
        return new PairingListResponse(pairingId, revision, moved, entries);
    }
}
