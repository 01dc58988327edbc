using System.Security.Claims;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Projects;

/// <summary><c>decidedBy</c> is accepted for older clients but ignored: the token's caller is recorded.</summary>
public sealed record ChangeStatusRequest(ProjectStatus Status, DateOnly EffectiveOn, string? Reason, string? DecidedBy = null);

/// <summary><c>reportedBy</c> is accepted but ignored: the token's caller is recorded.</summary>
public sealed record ReportProgressRequest(int Progress, string? Reason, string? ReportedBy = null);

/// <summary>Lifecycle steps (立项, start, suspend, complete, ...) and progress reports, each an event.</summary>
public static class ChangeProject
{
    public static IEndpointRouteBuilder MapChangeProject(this IEndpointRouteBuilder api)
    {
        api.MapPost("/projects/{id:guid}/status-changes", ChangeStatusAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.ProjectInRoute).WithName("ChangeProjectStatus")
            .WithSummary("变更项目状态（立项、开工、暂停、完成……）/ Move the project along its lifecycle")
            .WithDescription("须征求农户意见的项目，征求意见结束且同意比例达到要求后方可立项，否则返回 422（project.consultation-not-passed）。")
            .Accepts<ChangeStatusRequest>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/projects/{id:guid}/progress", ReportProgressAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.ProjectInRoute).WithName("ReportProjectProgress")
            .WithSummary("更新进度 / Report progress").Accepts<ReportProgressRequest>("application/json");
        return api;
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, ValidatedBody<ChangeStatusRequest> body, ProjectsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = body.Value;
        if (await db.Projects.AsSplitQuery().FirstOrDefaultAsync(p => p.Id == new ProjectId(id), ct) is not { } project)
        {
            return Problems.NotFound("项目", "project");
        }

        var now = time.GetUtcNow();
        var consultationPassed = r.Status == ProjectStatus.Approved && project.RequiresConsultation
            && await db.OpinionCollections.AnyAsync(c => c.ProjectId == project.Id.Value && c.Passed == true, ct);
        var change = project.ChangeStatus(r.Status, r.EffectiveOn, r.Reason, Caller.From(user).Name, now, consultationPassed);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProjectResponse.From(project, project.Progress));
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> ReportProgressAsync(
        Guid id, ValidatedBody<ReportProgressRequest> body, ProjectsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = body.Value;
        if (await db.Projects.AsSplitQuery().FirstOrDefaultAsync(p => p.Id == new ProjectId(id), ct) is not { } project)
        {
            return Problems.NotFound("项目", "project");
        }

        var now = time.GetUtcNow();
        project.ReportProgress(r.Progress, r.Reason, now, Caller.From(user).Name);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProjectResponse.From(project, project.Progress));
    }
}
