using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Opinions;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Opinions;

/// <summary>
/// GET /opinion-collections: the collections of an organisation's whole subtree (a secretary names their own
/// village and sees each cooperative's), open ones first, optionally those of one project; each with its tally.
/// </summary>
public static class ListOpinionCollections
{
    public static RouteHandlerBuilder MapListOpinionCollections(this IEndpointRouteBuilder api) =>
        api.MapGet("/opinion-collections", ListAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.OrganisationInQuery).WithName("ListOpinionCollections")
            .WithSummary("征求意见列表 / Opinion collections of an organisation's subtree, open ones first")
            .WithDescription("organisationId 为村党委等上级组织时，含其下各党群小组（经济社）的征求意见；completed 筛选进行中或已结束的。")
            .ProducesValidationProblem();

    private static async Task<Page<CollectionResponse>> ListAsync(
        Guid? organisationId, Guid? projectId, bool? completed, int? page, int? pageSize, ProjectsDbContext db, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.OpinionCollections.AsNoTracking();
        if (organisationId is { } org)
        {
            var subtree = await db.SubtreeAsync(org, ct);
            query = query.Where(c => subtree.Contains(c.OrganisationId));
        }

        query = projectId is { } project ? query.Where(c => c.ProjectId == project) : query;
        query = completed switch
        {
            true => query.Where(c => c.CompletedAt != null),
            false => query.Where(c => c.CompletedAt == null),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        // Newest first within open and completed (ids are UUIDv7, so they sort by creation).
        var items = await query.OrderBy(c => c.CompletedAt != null).ThenByDescending(c => c.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<CollectionResponse>(items.Select(CollectionResponse.From).ToList(), number, size, total);
    }
}
