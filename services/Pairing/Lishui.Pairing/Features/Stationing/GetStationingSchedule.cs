using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Stationing;

/// <summary>GET /stationing-schedules/{id}.</summary>
public static class GetStationingSchedule
{
    public static IEndpointRouteBuilder MapGetStationingSchedule(this IEndpointRouteBuilder api)
    {
        api.MapGet("/stationing-schedules/{id:guid}", GetAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Schedule).WithName("GetStationingSchedule").WithSummary("驻点安排详情 / A stationing schedule");
        return api;
    }

    private static async Task<Results<Ok<StationingScheduleResponse>, ProblemHttpResult>> GetAsync(Guid id, PairingDbContext db, CancellationToken ct) =>
        await db.StationingSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } schedule
            ? TypedResults.Ok((await StationingScheduleResponse.NamedAsync(db, [schedule], ct))[0])
            : Problems.NotFound("驻点安排", "stationing schedule");
}
