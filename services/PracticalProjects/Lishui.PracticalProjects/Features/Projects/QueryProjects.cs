using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Projects;

/// <summary>
/// The cadres' view of projects: list with filters (an organisation's whole subtree, so a secretary lists
/// their own villages), and one project with its timeline and rolled-up progress.
/// </summary>
public static class QueryProjects
{
    public static IEndpointRouteBuilder MapQueryProjects(this IEndpointRouteBuilder api)
    {
        api.MapGet("/projects/{id:guid}", GetAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.ProjectInRoute).WithName("GetProject").WithSummary("项目详情 / A project");
        // Projects: the responsible organisation's subtree; a secretary lists by naming an organisation of theirs.
        api.MapGet("/projects", ListAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.OrganisationInQuery).WithName("ListProjects").WithSummary("项目列表 / Projects, filtered and paged");
        return api;
    }

    private static async Task<Results<Ok<ProjectResponse>, ProblemHttpResult>> GetAsync(Guid id, ProjectsDbContext db, CancellationToken ct)
    {
        if (await db.Projects.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(p => p.Id == new ProjectId(id), ct) is not { } project)
        {
            return Problems.NotFound("项目", "project");
        }

        var children = await db.Projects.AsNoTracking().Where(p => p.ParentId == project.Id)
            .Select(p => new { p.Progress, p.Weight }).ToListAsync(ct);
        return TypedResults.Ok(ProjectResponse.From(project, PracticalProject.RolledUp(project.Progress, children.Select(c => (c.Progress, c.Weight)).ToList())));
    }

    private static async Task<Page<ProjectResponse>> ListAsync(
        ProjectsDbContext db, ProjectLevel? level, string? batch, ProjectDomain? domain, ProjectStatus? status, Guid? organisationId, int? page, int? pageSize,
        CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Projects.AsNoTracking();
        query = level is { } l ? query.Where(p => p.Level == l) : query;
        query = batch is { Length: > 0 } b ? query.Where(p => p.Batch == b) : query;
        query = domain is { } d ? query.Where(p => p.Domain == d) : query;
        query = status is { } s ? query.Where(p => p.Status == s) : query;
        if (organisationId is { } org)
        {
            var subtree = await db.SubtreeAsync(org, ct);
            query = query.Where(p => subtree.Contains(p.ResponsibleOrganisationId));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Batch).ThenBy(p => p.Title).ThenBy(p => p.Id).Skip(skip).Take(size).AsSplitQuery().ToListAsync(ct);
        return new Page<ProjectResponse>(items.Select(p => ProjectResponse.From(p, p.Progress)).ToList(), number, size, total);
    }
}
