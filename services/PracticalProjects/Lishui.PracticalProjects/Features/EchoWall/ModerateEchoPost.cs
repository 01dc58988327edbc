using System.Security.Claims;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.PracticalProjects.Features.EchoWall;

/// <summary><c>moderatedBy</c> is accepted but ignored: the token's caller is recorded.</summary>
public sealed record ModeratePostRequest(string Reason, string? ModeratedBy = null);

/// <summary>Hide a post with a reason, or show it again: never deleted.</summary>
public static class ModerateEchoPost
{
    public static IEndpointRouteBuilder MapModerateEchoPost(this IEndpointRouteBuilder api)
    {
        api.MapPost("/echo-wall/posts/{id:guid}/hide", HideAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.PostInRoute).WithName("HideEchoPost").WithSummary("隐藏留言（须说明原因）/ Hide a post")
            .Accepts<ModeratePostRequest>("application/json");
        api.MapPost("/echo-wall/posts/{id:guid}/restore", RestoreAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.PostInRoute).WithName("RestoreEchoPost").WithSummary("恢复显示 / Show a hidden post again")
            .Accepts<ModeratePostRequest>("application/json");
        return api;
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> HideAsync(
        Guid id, ValidatedBody<ModeratePostRequest> body, ProjectsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = body.Value;
        return await EchoPostSteps.ChangeAsync(db, id, p => p.Hide(r.Reason, Caller.From(user).Name, time.GetUtcNow()), ct);
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> RestoreAsync(
        Guid id, ValidatedBody<ModeratePostRequest> body, ProjectsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = body.Value;
        return await EchoPostSteps.ChangeAsync(db, id, p => p.Restore(r.Reason, Caller.From(user).Name, time.GetUtcNow()), ct);
    }
}
