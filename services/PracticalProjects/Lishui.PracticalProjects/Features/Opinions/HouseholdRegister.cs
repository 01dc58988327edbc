using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Opinions;

public sealed record RegisteredHouseholdResponse(Guid HouseholdId, Guid OrganisationId, string EconomicCooperative, string HeadName, int MembersCount);

/// <summary>
/// GET /household-register: the households of a cooperative as this service holds them from Membership's
/// register: whom an opinion collection asks, the visiting member's list. It may lag Membership by moments.
/// </summary>
public static class HouseholdRegister
{
    public static RouteHandlerBuilder MapHouseholdRegister(this IEndpointRouteBuilder api) =>
        api.MapGet("/household-register", ListAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.OrganisationInQuery).WithName("ListRegisteredHouseholds")
            .WithSummary("农户名册（征求意见用）/ The households of a cooperative's register, as synchronised from Membership")
            .WithDescription("organisationId 为经济社对应的党群小组；按户主姓名排序分页。地址不在此服务中。")
            .ProducesValidationProblem();

    private static async Task<Page<RegisteredHouseholdResponse>> ListAsync(
        Guid organisationId, int? page, int? pageSize, ProjectsDbContext db, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Households.AsNoTracking().Where(h => h.OrganisationId == organisationId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(h => h.HeadName).ThenBy(h => h.HouseholdId).Skip(skip).Take(size)
            .Select(h => new RegisteredHouseholdResponse(h.HouseholdId, h.OrganisationId, h.EconomicCooperative, h.HeadName, h.MembersCount))
            .ToListAsync(ct);
        return new Page<RegisteredHouseholdResponse>(items, number, size, total);
    }
}
