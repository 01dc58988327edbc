using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.PracticalProjects.Features.EchoWall;

public sealed record LinkPostRequest(Guid? RequestId, Guid? ProjectId);

/// <summary>POST /echo-wall/posts/{id}/link: the post concerns a request or a project.</summary>
public static class LinkEchoPost
{
    public static IEndpointRouteBuilder MapLinkEchoPost(this IEndpointRouteBuilder api)
    {
        api.MapPost("/echo-wall/posts/{id:guid}/link", LinkAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.PostInRoute).WithName("LinkEchoPost").WithSummary("关联诉求或项目 / Link to a request or project")
            .Accepts<LinkPostRequest>("application/json");
        return api;
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> LinkAsync(
        Guid id, ValidatedBody<LinkPostRequest> body, ProjectsDbContext db, CancellationToken ct)
    {
        var r = body.Value;
        if (r is { RequestId: null, ProjectId: null })
        {
            throw new RequestValidationException([new FieldError("requestId", "echo.link-empty", "须指定要关联的诉求或项目。", "Give a request or a project to link.")]);
        }

        await EchoPostSteps.CheckLinksAsync(db, r.RequestId, r.ProjectId, ct);
        return await EchoPostSteps.ChangeAsync(db, id, p => p.Link(r.RequestId, r.ProjectId), ct);
    }
}
