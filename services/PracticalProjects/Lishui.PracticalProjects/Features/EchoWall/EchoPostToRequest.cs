using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.EchoWall;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Security;
using Lishui.PracticalProjects.Web;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.EchoWall;

/// <summary><c>recordedBy</c> is accepted but ignored: the token's caller is recorded.</summary>
public sealed record PostToRequestRequest(Guid? OrganisationId, ProjectDomain? Category, string? Location, string? RecordedBy = null);

/// <summary>POST /echo-wall/posts/{id}/resident-request: the post becomes a resident request.</summary>
public static class EchoPostToRequest
{
    public static IEndpointRouteBuilder MapEchoPostToRequest(this IEndpointRouteBuilder api)
    {
        api.MapPost("/echo-wall/posts/{id:guid}/resident-request", ToRequestAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.PostInRoute).WithName("EchoPostToRequest")
            .WithSummary("留言转为群众诉求 / Turn a post into a resident request").Accepts<PostToRequestRequest>("application/json")
            .Produces<RequestResponse>(StatusCodes.Status201Created);
        return api;
    }

    /// <summary>The post becomes a request (origin EchoWall, this service's reference number); a contact left with the post moves to it.</summary>
    private static async Task<Results<Created<RequestResponse>, IdempotentReplay, ProblemHttpResult>> ToRequestAsync(Guid id, ValidatedBody<PostToRequestRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        if (await db.EchoPosts.FirstOrDefaultAsync(p => p.Id == new EchoPostId(id), http.RequestAborted) is not { } post)
        {
            return Problems.NotFound("留言", "post");
        }

        if (post.LinkedRequestId is not null && http.Request.Headers[Idempotency.HeaderName].Count == 0)
        {
            return Problems.Result(Problems.Create(StatusCodes.Status409Conflict, "echo.already-a-request", "该留言已关联诉求。", "The post is already linked to a request."));
        }

        var organisationId = r.OrganisationId ?? post.OrganisationId
            ?? throw new RequestValidationException([new FieldError("organisationId", "field.required", "须指定诉求所属的村。", "The village the request concerns is required.")]);
        if (organisationId != post.OrganisationId
            && await http.RefuseUnlessAllowedForAsync(PracticalProjectsScopes.Organisation, organisationId) is { } refused)
        {
            return refused;
        }

        return await RequestIntake.RecordOnceAsync(db, http, $"echo-wall.to-request:{id}", r, time, async (reference, now, ct) =>
        {
            if (post.LinkedRequestId is not null)
            {
                throw new RequestValidationException([new FieldError("id", "echo.already-a-request", "该留言已关联诉求。", "The post is already linked to a request.")]);
            }

            var contact = await db.RequesterContacts.FirstOrDefaultAsync(c => c.EchoPostId == id, ct);
            var requestId = new ResidentRequestId(Guid.CreateVersion7(now));
            contact?.BelongsTo(requestId.Value);
            var request = ResidentRequest.Record(
                requestId, reference, RequestOrigin.EchoWall, organisationId, null, post.Text, r.Location ?? string.Empty, r.Category ?? ProjectDomain.Other,
                TownCalendar.DateOf(post.PostedAt), time.Today(), contact is not null, post.Id.Value, Caller.From(http.User).Name, now);
            post.Link(request.Id.Value, null);
            return request;
        });
    }
}
