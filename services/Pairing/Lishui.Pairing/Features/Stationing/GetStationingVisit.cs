using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Stationing;

/// <summary>GET /stationing-visits/{id}.</summary>
public static class GetStationingVisit
{
    public static IEndpointRouteBuilder MapGetStationingVisit(this IEndpointRouteBuilder api)
    {
        api.MapGet("/stationing-visits/{id:guid}", GetVisitAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Visit).WithName("GetStationingVisit").WithSummary("驻点详情 / A stationing visit");
        return api;
    }

    private static async Task<Results<Ok<StationingVisitResponse>, ProblemHttpResult>> GetVisitAsync(Guid id, PairingDbContext db, CancellationToken ct) =>
        await db.StationingVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is { } visit
            ? TypedResults.Ok(StationingVisitResponse.From(visit))
            : Problems.NotFound("驻点", "stationing visit");
}
