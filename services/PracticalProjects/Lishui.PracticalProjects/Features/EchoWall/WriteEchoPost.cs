using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.EchoWall;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.PracticalProjects.Features.EchoWall;

/// <summary>A resident's post; without displayName it is anonymous. A contact left here is never shown on the wall.</summary>
public sealed record WritePostRequest(
    string Text, string? DisplayName, Guid? OrganisationId, Guid? LinkedRequestId, Guid? LinkedProjectId, string? ContactName, string? ContactPhone);

/// <summary>POST /echo-wall/posts: a resident posts; a contact left here is kept apart and never shown.</summary>
public static class WriteEchoPost
{
    public static IEndpointRouteBuilder MapWriteEchoPost(this IEndpointRouteBuilder api)
    {
        api.MapPost("/echo-wall/posts", WriteAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("WriteEchoPost").WithSummary("回音壁留言 / Post on the echo wall")
            .Accepts<WritePostRequest>("application/json").Produces<PostResponse>(StatusCodes.Status201Created);
        return api;
    }

    private static async Task<Results<Created<PostResponse>, IdempotentReplay, ProblemHttpResult>> WriteAsync(ValidatedBody<WritePostRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        await EchoPostSteps.CheckLinksAsync(db, r.LinkedRequestId, r.LinkedProjectId, http.RequestAborted);
        return await db.CreateOnceAsync(http, "echo-wall.post", r, _ =>
        {
            var now = time.GetUtcNow();
            var post = EchoPost.Post(new EchoPostId(Guid.CreateVersion7(now)), r.Text, r.DisplayName, r.OrganisationId, r.LinkedRequestId, r.LinkedProjectId, now);
            var contact = RequesterContact.Create(Guid.CreateVersion7(now), r.ContactName, r.ContactPhone, null, post.Id.Value, now);
            db.EchoPosts.Add(post);
            if (contact is not null)
            {
                db.RequesterContacts.Add(contact);
            }

            return Task.FromResult((PostResponse.From(post, contact is not null), $"/echo-wall/posts/{post.Id.Value}"));
        }, time);
    }
}
