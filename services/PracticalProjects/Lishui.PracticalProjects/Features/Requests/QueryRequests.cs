using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Security;
using Lishui.PracticalProjects.Web;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Requests;

/// <summary>The cadres' lists of requests (never with contacts).</summary>
public static class QueryRequests
{
    public static IEndpointRouteBuilder MapQueryRequests(this IEndpointRouteBuilder api)
    {
        api.MapGet("/resident-requests/{id:guid}", GetAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.RequestInRoute).WithName("GetResidentRequest").WithSummary("诉求详情 / A request");
        // Resident requests: the village they were addressed to.
        api.MapGet("/resident-requests", ListAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.OrganisationInQuery).WithName("ListResidentRequests")
            .WithSummary("诉求列表（可按状态、来源、村、驻点诉求编号筛选）/ Requests, filtered and paged");
        return api;
    }

    private static async Task<Results<Ok<RequestResponse>, ProblemHttpResult>> GetAsync(Guid id, ProjectsDbContext db, CancellationToken ct) =>
        await db.ResidentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == new ResidentRequestId(id), ct) is { } request
            ? TypedResults.Ok(RequestResponse.From(request))
            : Problems.NotFound("诉求", "resident request");

    private static async Task<Page<RequestResponse>> ListAsync(
        ProjectsDbContext db, RequestStatus? status, RequestOrigin? origin, Guid? organisationId, Guid? pairingRequestId, int? page, int? pageSize,
        CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.ResidentRequests.AsNoTracking();
        query = status is { } s ? query.Where(r => r.Status == s) : query;
        query = origin is { } o ? query.Where(r => r.Origin == o) : query;
        if (organisationId is { } org)
        {
            // The organisation and those below it: a town-wide secretary sees their villages' requests.
            var subtree = await db.SubtreeAsync(org, ct);
            query = query.Where(r => subtree.Contains(r.OrganisationId));
        }

        query = pairingRequestId is { } pr ? query.Where(r => r.PairingRequestId == pr) : query;
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.ReceivedOn).ThenBy(r => r.ReferenceNumber).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<RequestResponse>(items.Select(RequestResponse.From).ToList(), number, size, total);
    }
}
