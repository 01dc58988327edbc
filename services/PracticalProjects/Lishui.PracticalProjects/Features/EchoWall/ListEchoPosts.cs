using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.EchoWall;

/// <summary>GET /echo-wall/posts: every post, hidden ones too, for moderators.</summary>
public static class ListEchoPosts
{
    public static IEndpointRouteBuilder MapListEchoPosts(this IEndpointRouteBuilder api)
    {
        // Echo-wall moderation: the village a post is addressed to (the town's when none).
        api.MapGet("/echo-wall/posts", ListAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.OrganisationInQuery).WithName("ListEchoPosts").WithSummary("回音壁管理列表（含已隐藏）/ All posts, for moderators");
        return api;
    }

    private static async Task<Page<PostResponse>> ListAsync(ProjectsDbContext db, bool? hidden, Guid? organisationId, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.EchoPosts.AsNoTracking();
        query = hidden is { } h ? query.Where(p => p.Hidden == h) : query;
        if (organisationId is { } org)
        {
            var subtree = await db.SubtreeAsync(org, ct);
            query = query.Where(p => p.OrganisationId != null && subtree.Contains(p.OrganisationId.Value));
        }

        var total = await query.CountAsync(ct);
        var posts = await query.OrderByDescending(p => p.PostedAt).Skip(skip).Take(size).AsSplitQuery().ToListAsync(ct);
        var ids = posts.Select(p => (Guid?)p.Id.Value).ToList();
        var withContact = await db.RequesterContacts.Where(c => ids.Contains(c.EchoPostId)).Select(c => c.EchoPostId!.Value).ToListAsync(ct);
        return new Page<PostResponse>(posts.Select(p => PostResponse.From(p, withContact.Contains(p.Id.Value))).ToList(), number, size, total);
    }
}
