using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Batches;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Batches;

public sealed record AnnounceBatchRequest(int Year, int Number);

public sealed record BatchResponse(Guid Id, int Year, int Number, string Name, DateTimeOffset CreatedAt);

/// <summary>
/// A batch with its totals over the projects carrying its name: every project announced in it (cancelled ones
/// included, and counted apart); the budget and grants of those not cancelled.
/// </summary>
public sealed record PublicBatchResponse(
    int Year, int Number, string Name, int TownProjects, int VillageProjects, int Cancelled, decimal Budget, decimal Granted);

/// <summary>
/// POST /batches: the town announces a batch (2026年第一批); GET /public/batches: every batch with its
/// counts of town and village projects and their budget, newest first, for anyone.
/// </summary>
public static class ProjectBatches
{
    public static IEndpointRouteBuilder MapProjectBatches(this IEndpointRouteBuilder api)
    {
        api.MapPost("/batches", AnnounceAsync).RequireAccess(PracticalProjectsAccess.TownOnly).WithName("AnnounceProjectBatch")
            .WithSummary("公布办实事项目批次 / Announce a batch of projects")
            .WithDescription("仅镇级管理员。名称按年度和序号生成（如 2026年第一批），项目以此名称作为 batch 归入该批次。可带 Idempotency-Key 重试。")
            .Accepts<AnnounceBatchRequest>("application/json")
            .Produces<BatchResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/public/batches", ListAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("PublicProjectBatches")
            .WithSummary("办实事项目批次及汇总（公开）/ Batches with their counts of town and village projects and budget")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Created<BatchResponse>, IdempotentReplay, ProblemHttpResult>> AnnounceAsync(ValidatedBody<AnnounceBatchRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        return await db.CreateOnceAsync(http, "batches.announce", r, async ct =>
        {
            var now = time.GetUtcNow();
            var batch = ProjectBatch.Announce(Guid.CreateVersion7(now), r.Year, r.Number, now);
            if (await db.Batches.AnyAsync(b => b.Year == r.Year && b.Number == r.Number, ct))
            {
                throw new RequestValidationException([new FieldError("number", "batch.exists", $"{batch.Name}已公布。", $"{batch.Name} was already announced.")],
                    StatusCodes.Status409Conflict);
            }

            db.Batches.Add(batch);
            return (new BatchResponse(batch.Id, batch.Year, batch.Number, batch.Name, batch.CreatedAt), "/public/batches");
        }, time);
    }

    private static async Task<Page<PublicBatchResponse>> ListAsync(int? year, int? page, int? pageSize, ProjectsDbContext db, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var batches = db.Batches.AsNoTracking().Where(b => year == null || b.Year == year);
        var total = await batches.CountAsync(ct);
        var shown = await batches.OrderByDescending(b => b.Year).ThenByDescending(b => b.Number).Skip(skip).Take(size).ToListAsync(ct);
        var names = shown.Select(b => b.Name).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => names.Contains(p.Batch))
            .Select(p => new { p.Batch, p.Level, p.Status, p.Budget, Granted = p.Grants.Sum(g => g.Amount) })
            .ToListAsync(ct);
        return new Page<PublicBatchResponse>(shown.Select(b =>
        {
            var of = projects.Where(p => p.Batch == b.Name).ToList();
            var going = of.Where(p => p.Status != ProjectStatus.Cancelled).ToList();
            return new PublicBatchResponse(b.Year, b.Number, b.Name,
                of.Count(p => p.Level == ProjectLevel.Town), of.Count(p => p.Level == ProjectLevel.Village), of.Count - going.Count,
                going.Sum(p => p.Budget), going.Sum(p => p.Granted));
        }).ToList(), number, size, total);
    }
}
