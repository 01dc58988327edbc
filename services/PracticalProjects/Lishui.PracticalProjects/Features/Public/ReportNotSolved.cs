using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Features.Requests;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Public;

public sealed record ReportNotSolvedRequest(string Reason);

/// <summary>
/// POST /public/requests/{referenceNumber}/not-solved: "答复了但没解决". The resident who raised the request
/// (the reference number is their proof, as on the status page) says the answer or the finished project did
/// not solve it; the request is handled again and the responsible organisation's secretary is told.
/// </summary>
public static class ReportNotSolved
{
    public static RouteHandlerBuilder MapReportNotSolved(this IEndpointRouteBuilder api) =>
        api.MapPost("/public/requests/{referenceNumber}/not-solved", HandleAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("ReportRequestNotSolved")
            .WithSummary("反映诉求未解决（公开）/ Say the answer or the finished project did not solve the request")
            .WithDescription("凭诉求编号，无需登录；答复后（或转为项目且项目完成后）可反映未解决，诉求重新办理，责任组织书记收到通知。按客户端限流；可带 Idempotency-Key 重试。")
            .Accepts<ReportNotSolvedRequest>("application/json")
            .Produces<PublicRequestStatusResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Results<Created<PublicRequestStatusResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        string referenceNumber, ValidatedBody<ReportNotSolvedRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var reference = PublicRequestStatus.Normalise(referenceNumber);
        var ct = http.RequestAborted;
        if (!await db.ResidentRequests.AnyAsync(r => r.ReferenceNumber == reference, ct))
        {
            return Problems.NotFound("诉求", "resident request");
        }

        return await db.CreateOnceAsync(http, "public.requests.not-solved", new { reference, body.Value.Reason }, async token =>
        {
            var request = await db.ResidentRequests.FirstAsync(r => r.ReferenceNumber == reference, token);
            var projectFinished = request.ProjectId is { } projectId
                && await db.Projects.AnyAsync(p => p.Id == new ProjectId(projectId) && (p.Status == ProjectStatus.Completed || p.Status == ProjectStatus.Evaluated), token);
            var now = time.GetUtcNow();
            request.Reopen(body.Value.Reason, projectFinished, now);
            return (await PublicRequestStatus.OfAsync(db, request, token), $"/public/requests/{Uri.EscapeDataString(request.ReferenceNumber)}");
        }, time);
    }
}
