using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Pairing.Web;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.OrganisationPairings;

public sealed record EndOrganisationPairingRequest(DateOnly EndedOn);

/// <summary>Read one pairing, list pairings of an organisation, end a pairing (its member pairs end with it).</summary>
public static class ManageOrganisationPairing
{
    public static IEndpointRouteBuilder MapManageOrganisationPairing(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organisation-pairings/{id:guid}", GetAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Pairing).WithName("GetOrganisationPairing").WithSummary("组织结对详情 / An organisation pairing");
        api.MapGet("/organisation-pairings", ListAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.OrganisationInQuery).WithName("ListOrganisationPairings").WithSummary("组织结对列表 / Organisation pairings");
        api.MapPost("/organisation-pairings/{id:guid}/end", EndAsync).RequireAccess(PairingAccess.TownOnly).WithName("EndOrganisationPairing").WithSummary("结束结对 / End a pairing")
            .Accepts<EndOrganisationPairingRequest>("application/json");
        return api;
    }

    private static async Task<Results<Ok<OrganisationPairingResponse>, ProblemHttpResult>> GetAsync(Guid id, PairingDbContext db, CancellationToken ct) =>
        await db.OrganisationPairings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } pairing
            ? TypedResults.Ok((await OrganisationPairingResponse.NamedAsync(db, [pairing], ct))[0])
            : Problems.NotFound("组织结对", "organisation pairing");

    private static async Task<Page<OrganisationPairingResponse>> ListAsync(
        PairingDbContext db, Guid? organisationId, bool? includeEnded, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.OrganisationPairings.AsNoTracking();
        if (organisationId is { } org)
        {
            query = query.Where(p => p.OrganBranchId == org || p.VillageCommitteeId == org);
        }

        if (includeEnded != true)
        {
            query = query.Where(p => p.EndedAt == null);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.StartsOn).ThenBy(p => p.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<OrganisationPairingResponse>(await OrganisationPairingResponse.NamedAsync(db, items, ct), number, size, total);
    }

    private static async Task<Results<Ok<OrganisationPairingResponse>, ProblemHttpResult>> EndAsync(
        Guid id, ValidatedBody<EndOrganisationPairingRequest> body, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.OrganisationPairings.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } pairing)
        {
            return Problems.NotFound("组织结对", "organisation pairing");
        }

        var now = time.GetUtcNow();
        pairing.End(body.Value.EndedOn, now);
        var pairs = await db.MemberPairs.Where(p => p.PairingId == id && p.EndedOn == null).ToListAsync(ct);
        foreach (var pair in pairs)
        {
            pair.End(body.Value.EndedOn);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationPairingResponse.From(pairing));
    }
}
