using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Security;
using Lishui.PracticalProjects.Web;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.PracticalProjects.Features.Projects;

/// <summary>POST /projects: propose a project (a town key project's sub-project names its parent).</summary>
public static class ProposeProject
{
    public static RouteHandlerBuilder MapProposeProject(this IEndpointRouteBuilder api) =>
        api.MapPost("/projects", HandleAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, ScopeRef.Body("responsibleOrganisationId", PracticalProjectsScopes.Organisation))
            .WithName("ProposeProject")
            .WithSummary("提出办实事项目 / Propose a project")
            .Accepts<ProposeProjectRequest>("application/json")
            .Produces<ProjectResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

    private static async Task<Results<Created<ProjectResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(ValidatedBody<ProposeProjectRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        return await db.CreateOnceAsync(http, "projects.propose", r, async ct =>
        {
            var project = await ProjectProposal.ProposeAsync(db, r, [], time.GetUtcNow(), ct);
            return (ProjectResponse.From(project, project.Progress), $"/projects/{project.Id.Value}");
        }, time);
    }
}
