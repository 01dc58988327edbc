using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.PracticalProjects.Features.EchoWall;

/// <summary><c>answeredBy</c> is the signature shown on the wall (e.g. 鹤峰村委会); who answered is in the audit trail.</summary>
public sealed record AnswerPostRequest(string Text, string AnsweredBy);

/// <summary>POST /echo-wall/posts/{id}/answers: the village answers on the wall.</summary>
public static class AnswerEchoPost
{
    public static IEndpointRouteBuilder MapAnswerEchoPost(this IEndpointRouteBuilder api)
    {
        api.MapPost("/echo-wall/posts/{id:guid}/answers", AnswerAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.PostInRoute).WithName("AnswerEchoPost").WithSummary("官方答复 / Answer a post")
            .Accepts<AnswerPostRequest>("application/json");
        return api;
    }

    private static async Task<Results<Ok<PostResponse>, ProblemHttpResult>> AnswerAsync(
        Guid id, ValidatedBody<AnswerPostRequest> body, ProjectsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var r = body.Value;
        return await EchoPostSteps.ChangeAsync(db, id, p => p.Answer(Guid.CreateVersion7(time.GetUtcNow()), r.Text, r.AnsweredBy, time.GetUtcNow()), ct);
    }
}
