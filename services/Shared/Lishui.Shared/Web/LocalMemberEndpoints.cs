using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Web;

public sealed record LocalMemberResponse(Guid MemberId, Guid OrganisationId, string Name, MemberStatus Status, long Sequence);

public static class LocalMemberEndpoints
{
    /// <summary>
    /// GET /local-members: what this service currently knows of the roll (from Membership's events);
    /// with <c>organisationId</c>, the members of that organisation's whole subtree, the part of the roll
    /// its secretaries may read.
    /// </summary>
    public static RouteHandlerBuilder MapLocalMembers<TDbContext>(this IEndpointRouteBuilder api)
        where TDbContext : DbContext
    {
        Func<TDbContext, Guid?, int?, int?, CancellationToken, Task<Page<LocalMemberResponse>>> handler = ListAsync;
        return api.MapGet("/local-members", handler)
            .WithName("ListLocalMembers")
            .WithSummary("本服务的党员视图 / This service's view of the member roll");
    }

    private static async Task<Page<LocalMemberResponse>> ListAsync<TDbContext>(
        TDbContext db, Guid? organisationId, int? page, int? pageSize, CancellationToken ct)
        where TDbContext : DbContext
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Set<LocalMember>().AsNoTracking();
        if (organisationId is { } org)
        {
            var subtree = await db.SubtreeAsync(org, ct);
            query = query.Where(m => subtree.Contains(m.OrganisationId));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(m => m.Name).ThenBy(m => m.MemberId).Skip(skip).Take(size)
            .Select(m => new LocalMemberResponse(m.MemberId, m.OrganisationId, m.Name, m.Status, m.Sequence))
            .ToListAsync(ct);
        return new Page<LocalMemberResponse>(items, number, size, total);
    }
}
