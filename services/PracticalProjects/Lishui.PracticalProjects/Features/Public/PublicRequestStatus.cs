using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Public;

public sealed record PublicLinkedProject(Guid Id, string Title, ProjectStatus Status, string StatusText, int Progress);

/// <summary>One step of the request, dated; <c>note</c> only for a reopening (the resident's own reason), never a cadre's note.</summary>
public sealed record PublicRequestStep(RequestStatus Status, string StatusText, DateOnly On, string? Note);

/// <summary>
/// What anyone with the reference number may see: status, dates, reply, linked project, the steps so far, and
/// whether the requester may now say it was not solved (<c>canReportNotSolved</c>). Nothing personal (no subject,
/// place, name or contact).
/// </summary>
public sealed record PublicRequestStatusResponse(
    string ReferenceNumber, RequestStatus Status, string StatusText, ProjectDomain Category, string CategoryText, DateOnly ReceivedOn,
    DateOnly? AcceptedOn, DateOnly? AnsweredOn, DateOnly? DecidedOn, string? Reply, string? MergedIntoReferenceNumber, PublicLinkedProject? Project,
    IReadOnlyList<PublicRequestStep> History, bool CanReportNotSolved);

/// <summary>GET /public/requests/{referenceNumber}: the public status page of a request.</summary>
public static class PublicRequestStatus
{
    public static RouteHandlerBuilder MapPublicRequestStatus(this IEndpointRouteBuilder api) =>
        api.MapGet("/public/requests/{referenceNumber}", HandleAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("PublicRequestStatus")
            .WithSummary("诉求办理进度查询（公开）/ Public status of a request");

    private static async Task<Results<Ok<PublicRequestStatusResponse>, ProblemHttpResult>> HandleAsync(
        string referenceNumber, ProjectsDbContext db, CancellationToken ct)
    {
        var reference = Normalise(referenceNumber);
        if (await db.ResidentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.ReferenceNumber == reference, ct) is not { } request)
        {
            return Problems.NotFound("诉求", "resident request");
        }

        return TypedResults.Ok(await OfAsync(db, request, ct));
    }

    public static string Normalise(string referenceNumber) => referenceNumber.Trim().ToUpperInvariant();

    public static async Task<PublicRequestStatusResponse> OfAsync(ProjectsDbContext db, ResidentRequest request, CancellationToken ct)
    {
        var mergedInto = request.MergedInto is { } into
            ? await db.ResidentRequests.AsNoTracking().Where(r => r.Id == into).Select(r => r.ReferenceNumber).FirstOrDefaultAsync(ct)
            : null;
        var project = request.ProjectId is { } projectId
            ? await db.Projects.AsNoTracking().Where(p => p.Id == new ProjectId(projectId))
                .Select(p => new { p.Id, p.Title, p.Status, p.Progress }).FirstOrDefaultAsync(ct)
            : null;
        var received = new PublicRequestStep(RequestStatus.Received, RequestStatusText.Zh(RequestStatus.Received), request.ReceivedOn, null);
        var history = request.History.OrderBy(h => h.RecordedAt)
            .Select(h => new PublicRequestStep(h.To, RequestStatusText.Zh(h.To), TownCalendar.DateOf(h.RecordedAt), h.To == RequestStatus.Reopened ? h.Note : null))
            .Prepend(received).ToList();
        var projectFinished = project?.Status is ProjectStatus.Completed or ProjectStatus.Evaluated;
        return new PublicRequestStatusResponse(
            request.ReferenceNumber, request.Status, RequestStatusText.Zh(request.Status), request.Category, ProjectText.Domain(request.Category),
            request.ReceivedOn, request.AcceptedOn, request.AnsweredOn, request.DecidedOn, request.Reply, mergedInto,
            project is null ? null : new PublicLinkedProject(project.Id.Value, project.Title, project.Status, ProjectStatusText.Zh(project.Status), project.Progress),
            history, !new ReopenOnlyAfterAnAnswerOrAFinishedProjectRule(request.Status, projectFinished).IsBroken());
    }
}
