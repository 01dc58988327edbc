using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.PairingLists;

/// <summary>GET /organisation-pairings/{id}/pins: the secretary's fixed pairs, as the next regeneration will keep them.</summary>
public static class GetPins
{
    public static RouteHandlerBuilder MapGetPins(this IEndpointRouteBuilder api) =>
        api.MapGet("/organisation-pairings/{id:guid}/pins", HandleAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Pairing)
            .WithName("GetPairingPins").WithSummary("书记指定的固定结对 / The secretary's pins");

    private static async Task<Results<Ok<SetPinsRequest>, ProblemHttpResult>> HandleAsync(Guid id, PairingDbContext db, CancellationToken ct)
    {
        if (!await db.OrganisationPairings.AnyAsync(p => p.Id == id, ct))
        {
            return Problems.NotFound("组织结对", "organisation pairing");
        }

        var pins = await db.Pins.AsNoTracking().Where(p => p.PairingId == id)
            .OrderBy(p => p.OrganMemberId).ThenBy(p => p.VillageMemberId)
            .Select(p => new PinRequest(p.OrganMemberId, p.VillageMemberId)).ToListAsync(ct);
        return TypedResults.Ok(new SetPinsRequest(pins));
    }
}
