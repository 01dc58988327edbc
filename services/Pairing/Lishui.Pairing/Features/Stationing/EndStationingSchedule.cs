using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Stationing;

public sealed record EndStationingScheduleRequest(DateOnly EndsOn);

/// <summary>POST /stationing-schedules/{id}/end: visits after the end are no longer due.</summary>
public static class EndStationingSchedule
{
    public static IEndpointRouteBuilder MapEndStationingSchedule(this IEndpointRouteBuilder api)
    {
        api.MapPost("/stationing-schedules/{id:guid}/end", EndAsync).RequireAccess(PairingAccess.TownOnly).WithName("EndStationingSchedule").WithSummary("结束驻点 / End a stationing schedule")
            .Accepts<EndStationingScheduleRequest>("application/json");
        return api;
    }

    private static async Task<Results<Ok<StationingScheduleResponse>, ProblemHttpResult>> EndAsync(
        Guid id, ValidatedBody<EndStationingScheduleRequest> body, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.StationingSchedules.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } schedule)
        {
            return Problems.NotFound("驻点安排", "stationing schedule");
        }

        schedule.End(body.Value.EndsOn);

        // Visits after the end are no longer due; those already made stay on record.
        var endsOn = body.Value.EndsOn;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.StationingVisits.Where(v => v.ScheduleId == id && v.On > endsOn && v.HeldOn == null).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(StationingScheduleResponse.From(schedule));
    }
}
