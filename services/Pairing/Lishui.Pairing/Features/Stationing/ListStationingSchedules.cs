using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Stationing;

/// <summary>GET /stationing-schedules: by leader or village, paged.</summary>
public static class ListStationingSchedules
{
    public static IEndpointRouteBuilder MapListStationingSchedules(this IEndpointRouteBuilder api)
    {
        api.MapGet("/stationing-schedules", ListAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.VillageInQuery).WithName("ListStationingSchedules").WithSummary("驻点安排 / Stationing schedules");
        return api;
    }

    private static async Task<Page<StationingScheduleResponse>> ListAsync(
        PairingDbContext db, Guid? leaderMemberId, Guid? villageCommitteeId, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.StationingSchedules.AsNoTracking();
        if (leaderMemberId is { } leader)
        {
            query = query.Where(s => s.LeaderMemberId == leader);
        }

        if (villageCommitteeId is { } village)
        {
            query = query.Where(s => s.VillageCommitteeId == village);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(s => s.StartsOn).ThenBy(s => s.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<StationingScheduleResponse>(await StationingScheduleResponse.NamedAsync(db, items, ct), number, size, total);
    }
}
