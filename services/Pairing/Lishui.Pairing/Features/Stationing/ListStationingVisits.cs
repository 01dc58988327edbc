using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Stationing;

/// <summary>GET /stationing-schedules/{id}/visits: the Tuesdays of a schedule in a range, laid out on first read.</summary>
public static class ListStationingVisits
{
    public static IEndpointRouteBuilder MapListStationingVisits(this IEndpointRouteBuilder api)
    {
        api.MapGet("/stationing-schedules/{id:guid}/visits", VisitsAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Schedule).WithName("ListStationingVisits").WithSummary("驻点记录 / Visits of a schedule");
        return api;
    }

    private static async Task<Results<Ok<Page<StationingVisitResponse>>, ProblemHttpResult>> VisitsAsync(
        Guid id, DateOnly? from, DateOnly? to, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.StationingSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } schedule)
        {
            return Problems.NotFound("驻点安排", "stationing schedule");
        }

        var first = TownCalendar.TuesdayOf(from ?? time.Today());
        var last = TownCalendar.TuesdayOf(to ?? first.AddDays(7 * 7));
        if (last < first || last.DayNumber - first.DayNumber > 7 * 51)
        {
            throw new RequestValidationException([new FieldError("to", "stationing.range-invalid", "查询范围应为 1 至 52 周。", "The range must be 1 to 52 weeks.")]);
        }

        await db.EnsureVisitsAsync([schedule], first, last, ct);
        var visits = await db.StationingVisits.AsNoTracking()
            .Where(v => v.ScheduleId == id && v.On >= first && v.On <= last)
            .OrderBy(v => v.On).ToListAsync(ct);
        return TypedResults.Ok(new Page<StationingVisitResponse>(visits.Select(StationingVisitResponse.From).ToList(), 1, visits.Count, visits.Count));
    }
}
