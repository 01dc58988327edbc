using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.EchoWall;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.EchoWall;

/// <summary>GET /echo-wall/posts/{id}: one post as moderators see it.</summary>
public static class GetEchoPost
{
    public static IEndpointRouteBuilder MapGetEchoPost(this IEndpointRouteBuilder api)
    {
        api.MapGet("/echo-wall/posts/{id:guid}", GetAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.PostInRoute).WithName("GetEchoPost").WithSummary("留言详情 / A post");
        return api;
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> GetAsync(Guid id, ProjectsDbContext db, CancellationToken ct) =>
        await db.EchoPosts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == new EchoPostId(id), ct) is { } post
            ? TypedResults.Ok(PostResponse.From(post, await db.RequesterContacts.AnyAsync(c => c.EchoPostId == id, ct)))
            : Problems.NotFound("留言", "post");
}
