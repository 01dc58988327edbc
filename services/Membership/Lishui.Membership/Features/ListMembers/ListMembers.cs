using Lishui.Membership.Data;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.ListMembers;

public static class ListMembers
{
    public static RouteHandlerBuilder MapListMembers(this IEndpointRouteBuilder api) =>
        api.MapGet("/members", HandleAsync).WithName("ListMembers").WithSummary("党员名册 / List members, page by page");

    private static async Task<Page<MemberResponse>> HandleAsync(
        MembershipDbContext db, Guid? organisationId, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Members.AsNoTracking();
        if (organisationId is { } org)
        {
            query = query.Where(m => m.OrganisationId == org);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(m => m.Name).ThenBy(m => m.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<MemberResponse>(items.Select(MemberResponse.From).ToList(), number, size, total);
    }
}
