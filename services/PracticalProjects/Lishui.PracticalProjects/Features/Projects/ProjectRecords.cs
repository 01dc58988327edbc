using System.Security.Claims;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Projects;

/// <summary>A grant; the funding source defaults to the project's own (e.g. 党群共建专项资金).</summary>
public sealed record GrantFundsRequest(decimal Amount, string? FundingSource, DateOnly? GrantedOn, string GrantedBy, string? OverrideReason);

public sealed record PlanMilestoneRequest(string Name, DateOnly PlannedOn);

/// <summary><c>recordedBy</c> is accepted but ignored: the token's caller is recorded.</summary>
public sealed record ReachMilestoneRequest(DateOnly? ReachedOn, string? RecordedBy = null);

public sealed record PublishUpdateRequest(string Text, string PublishedBy);

public sealed record RateProjectRequest(int Score, string? Comment, Guid? HouseholdId);

public sealed record RatingResponse(Guid Id, Guid ProjectId, int Score, string? Comment, DateTimeOffset RatedAt);

/// <summary>What a project accumulates: grants, milestones, public updates on its timeline, residents' ratings.</summary>
public static class ProjectRecords
{
    public static IEndpointRouteBuilder MapProjectRecords(this IEndpointRouteBuilder api)
    {
        api.MapPost("/projects/{id:guid}/grants", GrantAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.ProjectInRoute).WithName("GrantProjectFunds")
            .WithSummary("记录资金拨付 / Record a grant")
            .WithDescription("从党群共建专项资金拨付的，计入拨付日期所在年度的专项资金，余额不足则拒绝（422 fund.insufficient）。")
            .Accepts<GrantFundsRequest>("application/json").Produces<GrantResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/projects/{id:guid}/milestones", PlanMilestoneAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.ProjectInRoute).WithName("PlanProjectMilestone")
            .WithSummary("设置项目节点 / Plan a milestone").Accepts<PlanMilestoneRequest>("application/json").Produces<MilestoneResponse>(StatusCodes.Status201Created);
        api.MapPost("/projects/{id:guid}/milestones/{milestoneId:guid}/reached", ReachMilestoneAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.ProjectInRoute).WithName("ReachProjectMilestone")
            .WithSummary("节点完成 / A milestone was reached").Accepts<ReachMilestoneRequest>("application/json");
        api.MapPost("/projects/{id:guid}/updates", PublishUpdateAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.ProjectInRoute).WithName("PublishProjectUpdate")
            .WithSummary("发布项目动态 / Publish an update on the timeline").Accepts<PublishUpdateRequest>("application/json").Produces<UpdateResponse>(StatusCodes.Status201Created);
        api.MapPost("/projects/{id:guid}/ratings", RateAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("RateProject")
            .WithSummary("群众满意度评价 / Rate a completed project").Accepts<RateProjectRequest>("application/json").Produces<RatingResponse>(StatusCodes.Status201Created);
        return api;
    }

    private static Task<PracticalProject?> FindAsync(ProjectsDbContext db, Guid id, CancellationToken ct) =>
        db.Projects.AsSplitQuery().FirstOrDefaultAsync(p => p.Id == new ProjectId(id), ct);

    private static async Task<Results<Created<GrantResponse>, IdempotentReplay, ProblemHttpResult>> GrantAsync(Guid id, ValidatedBody<GrantFundsRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        // Two grants from the special fund at once: the fund's version lets one through; the other is tried
        // again against the new balance (and refused if it no longer fits), never overdrawing it.
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(db, id, http.RequestAborted) is not { } project)
            {
                return Problems.NotFound("项目", "project");
            }

            try
            {
                return await GrantOnceAsync(id, project, r, db, time, http);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static Task<Results<Created<GrantResponse>, IdempotentReplay, ProblemHttpResult>> GrantOnceAsync(Guid id, PracticalProject project, GrantFundsRequest r, ProjectsDbContext db, TimeProvider time, HttpContext http) =>
        db.CreateOnceAsync(http, $"projects.grant:{id}", r, async ct =>
        {
            var now = time.GetUtcNow();
            var today = time.Today();
            var grant = project.Grant(Guid.CreateVersion7(now), r.Amount, r.FundingSource ?? project.FundingSource, r.GrantedOn ?? today, r.GrantedBy, r.OverrideReason, today, now);
            await FundDraw.DrawAsync(db, grant.FundingSource, grant.Amount, grant.GrantedOn, now, ct);
            return (new GrantResponse(grant.Id, grant.Amount, grant.FundingSource, grant.GrantedOn, grant.GrantedBy, grant.OverrideReason, grant.RecordedAt),
                $"/projects/{id}");
        }, time);

    private static async Task<Results<Created<MilestoneResponse>, IdempotentReplay, ProblemHttpResult>> PlanMilestoneAsync(Guid id, ValidatedBody<PlanMilestoneRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        if (await FindAsync(db, id, http.RequestAborted) is not { } project)
        {
            return Problems.NotFound("项目", "project");
        }

        return await db.CreateOnceAsync(http, $"projects.milestone:{id}", r, _ =>
        {
            var milestone = project.PlanMilestone(Guid.CreateVersion7(time.GetUtcNow()), r.Name, r.PlannedOn);
            return Task.FromResult((new MilestoneResponse(milestone.Id, milestone.Name, milestone.PlannedOn, milestone.ReachedOn), $"/projects/{id}"));
        }, time);
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> ReachMilestoneAsync(
        Guid id, Guid milestoneId, ValidatedBody<ReachMilestoneRequest> body, ProjectsDbContext db, TimeProvider time, ClaimsPrincipal user, CancellationToken ct)
    {
        var r = body.Value;
        if (await FindAsync(db, id, ct) is not { } project)
        {
            return Problems.NotFound("项目", "project");
        }

        var now = time.GetUtcNow();
        var today = time.Today();
        var milestone = project.ReachMilestone(milestoneId, r.ReachedOn ?? today, Caller.From(user).Name, today, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ProjectResponse.From(project, project.Progress));
    }

    private static async Task<Results<Created<UpdateResponse>, IdempotentReplay, ProblemHttpResult>> PublishUpdateAsync(Guid id, ValidatedBody<PublishUpdateRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        if (await FindAsync(db, id, http.RequestAborted) is not { } project)
        {
            return Problems.NotFound("项目", "project");
        }

        return await db.CreateOnceAsync(http, $"projects.update:{id}", r, _ =>
        {
            var update = project.PublishUpdate(Guid.CreateVersion7(time.GetUtcNow()), r.Text, r.PublishedBy, time.Today(), time.GetUtcNow());
            return Task.FromResult((new UpdateResponse(update.Id, update.PublishedOn, update.Text, update.PublishedBy), $"/public/projects/{id}"));
        }, time);
    }

    private static async Task<Results<Created<RatingResponse>, IdempotentReplay, ProblemHttpResult>> RateAsync(Guid id, ValidatedBody<RateProjectRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        if (await db.Projects.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(p => p.Id == new ProjectId(id), http.RequestAborted) is not { } project)
        {
            return Problems.NotFound("项目", "project");
        }

        var r = body.Value;
        return await db.CreateOnceAsync(http, $"projects.rate:{id}", r, _ =>
        {
            var now = time.GetUtcNow();
            var rating = SatisfactionRating.Rate(Guid.CreateVersion7(now), project, r.Score, r.Comment, r.HouseholdId, now);
            db.Ratings.Add(rating);
            return Task.FromResult((new RatingResponse(rating.Id, id, rating.Score, rating.Comment, rating.RatedAt), $"/public/projects/{id}"));
        }, time);
    }
}
