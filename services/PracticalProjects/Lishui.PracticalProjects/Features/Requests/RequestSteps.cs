using System.Security.Claims;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Security;
using Lishui.PracticalProjects.Web;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Requests;

/// <summary>Actor fields (<c>decidedBy</c>) are accepted but ignored here and below: the token's caller is recorded.</summary>
public sealed record AcceptRequestRequest(string? DecidedBy, string? Note);

public sealed record AnswerRequestRequest(string Reply, string? AnsweredBy = null);

public sealed record MergeRequestRequest(Guid IntoRequestId, string? DecidedBy, string? Note);

/// <summary>Either an existing project to link (<c>projectId</c>) or a new one to propose (<c>project</c>).</summary>
public sealed record TurnIntoProjectRequest(Guid? ProjectId, ProposeProjectRequest? Project, string? DecidedBy, string? Note) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (ProjectId is null == Project is null)
        {
            yield return new FieldError("projectId", "request.project-choice", "须且只能指定已有项目（projectId）或新项目（project）之一。",
                "Give either an existing project (projectId) or a new one (project), not both.");
        }

        // The nested proposal is bound as a whole: name its missing text fields here rather than fail later.
        if (Project is { } p)
        {
            foreach (var (field, value) in new[] { ("title", p.Title), ("batch", p.Batch), ("responsibleCadre", p.ResponsibleCadre), ("location", p.Location), ("fundingSource", p.FundingSource) })
            {
                if (value is null)
                {
                    yield return new FieldError($"project.{field}", "field.required", "此字段为必填项。", "This field is required.");
                }
            }
        }
    }
}

/// <summary>A request's steps: accept (受理), answer with a reply, merge into another, turn into a project. Each is one event.</summary>
public static class RequestSteps
{
    public static IEndpointRouteBuilder MapRequestSteps(this IEndpointRouteBuilder api)
    {
        api.MapPost("/resident-requests/{id:guid}/acceptance", AcceptAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.RequestInRoute).WithName("AcceptResidentRequest")
            .WithSummary("受理诉求 / Accept the request").Accepts<AcceptRequestRequest>("application/json");
        api.MapPost("/resident-requests/{id:guid}/answer", AnswerAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.RequestInRoute).WithName("AnswerResidentRequest")
            .WithSummary("答复诉求 / Answer the request").Accepts<AnswerRequestRequest>("application/json");
        api.MapPost("/resident-requests/{id:guid}/merge", MergeAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.RequestInRoute).WithName("MergeResidentRequest")
            .WithSummary("合并到另一诉求 / Merge into another request").Accepts<MergeRequestRequest>("application/json");
        api.MapPost("/resident-requests/{id:guid}/project", TurnIntoProjectAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.RequestInRoute).WithName("TurnResidentRequestIntoProject")
            .WithSummary("转为办实事项目（新建或关联）/ Turn into a project (new or existing)").Accepts<TurnIntoProjectRequest>("application/json");
        return api;
    }

    private static Task<ResidentRequest?> FindAsync(ProjectsDbContext db, Guid id, CancellationToken ct) =>
        db.ResidentRequests.FirstOrDefaultAsync(r => r.Id == new ResidentRequestId(id), ct);

    private static async Task<Results<Ok<RequestResponse>, ProblemHttpResult>> AcceptAsync(
        Guid id, ValidatedBody<AcceptRequestRequest> body, ProjectsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = body.Value;
        if (await FindAsync(db, id, ct) is not { } request)
        {
            return Problems.NotFound("诉求", "resident request");
        }

        var now = time.GetUtcNow();
        request.Accept(Caller.From(user).Name, r.Note, time.Today(), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RequestResponse.From(request));
    }

    private static async Task<Results<Ok<RequestResponse>, ProblemHttpResult>> AnswerAsync(
        Guid id, ValidatedBody<AnswerRequestRequest> body, ProjectsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = body.Value;
        if (await FindAsync(db, id, ct) is not { } request)
        {
            return Problems.NotFound("诉求", "resident request");
        }

        var now = time.GetUtcNow();
        request.Answer(r.Reply, Caller.From(user).Name, time.Today(), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RequestResponse.From(request));
    }

    private static async Task<Results<Ok<RequestResponse>, ProblemHttpResult>> MergeAsync(
        Guid id, ValidatedBody<MergeRequestRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var r = body.Value;
        if (await FindAsync(db, id, ct) is not { } request)
        {
            return Problems.NotFound("诉求", "resident request");
        }

        var target = await FindAsync(db, r.IntoRequestId, ct)
            ?? throw new RequestValidationException([new FieldError("intoRequestId", "request.merge-target-unknown", "要并入的诉求不存在。", "The request to merge into does not exist.")]);
        if (await http.RefuseUnlessAllowedForAsync(PracticalProjectsScopes.ResidentRequest, target.Id.Value) is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        request.MergeInto(target, Caller.From(http.User).Name, r.Note, time.Today(), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RequestResponse.From(request));
    }

    /// <summary>Proposes the project (origin: this request) or links an existing one; request, project and events in one save.</summary>
    private static async Task<Results<Ok<RequestResponse>, ProblemHttpResult>> TurnIntoProjectAsync(
        Guid id, ValidatedBody<TurnIntoProjectRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var r = body.Value;
        if (await FindAsync(db, id, ct) is not { } request)
        {
            return Problems.NotFound("诉求", "resident request");
        }

        var now = time.GetUtcNow();
        PracticalProject project;
        if (r.ProjectId is { } projectId)
        {
            project = await db.Projects.AsSplitQuery().FirstOrDefaultAsync(p => p.Id == new ProjectId(projectId), ct)
                ?? throw new RequestValidationException([new FieldError("projectId", "project.unknown", "项目不存在。", "The project does not exist.")]);
            if (await http.RefuseUnlessAllowedForAsync(PracticalProjectsScopes.Project, projectId) is { } refused)
            {
                return refused;
            }

            project.AddOriginRequest(request.Id.Value);
        }
        else
        {
            if (await http.RefuseUnlessAllowedForAsync(PracticalProjectsScopes.Organisation, r.Project!.ResponsibleOrganisationId) is { } refused)
            {
                return refused;
            }

            project = await ProjectProposal.ProposeAsync(db, r.Project, [request.Id.Value], now, ct);
        }

        request.TurnIntoProject(project.Id.Value, project.Title, Caller.From(http.User).Name, r.Note, time.Today(), now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RequestResponse.From(request));
    }
}
