using System.Security.Claims;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Opinions;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Opinions;

/// <summary>
/// <c>organisationId</c> is the cooperative's party–mass group: the households asked, and their number, come
/// from its register. <c>economicCooperative</c> and <c>affectedHouseholds</c> are accepted from older clients but ignored.
/// </summary>
public sealed record OpenCollectionRequest(
    string Subject, Guid OrganisationId, string? EconomicCooperative, Guid? ProjectId, int? AffectedHouseholds, int? ThresholdPercent);

/// <summary>
/// A household's position at a visit. Agreeing or disagreeing is signed: <c>signedName</c> with
/// <c>signatureConfirmed: true</c>, or <c>signatureImageId</c> of a drawn signature uploaded first.
/// <c>visitedBy</c> is the visiting member (a member recording their own visit may leave it out);
/// <c>signatureReference</c> is a paper form's number, when there is one.
/// </summary>
public sealed record RecordPositionRequest(
    Guid HouseholdId, Position Position, string? SignatureReference, Guid? VisitedBy, DateOnly VisitedOn,
    string? SignedName = null, bool? SignatureConfirmed = null, Guid? SignatureImageId = null);

public sealed record HouseholdPositionResponse(
    Guid HouseholdId, string? HeadName, Position Position, Guid VisitedBy, DateOnly VisitedOn, int Revision, bool Signed, string? SignedName,
    Guid? SignatureImageId, string? SignatureReference);

public sealed record CollectionResponse(
    Guid Id, string Subject, Guid OrganisationId, string EconomicCooperative, Guid? ProjectId, int AffectedHouseholds, int ThresholdPercent,
    bool Completed, OpinionResult Result, long Version)
{
    public static CollectionResponse From(OpinionCollection c) =>
        new(c.Id.Value, c.Subject, c.OrganisationId, c.EconomicCooperative, c.ProjectId, c.AffectedHouseholds, c.ThresholdPercent,
            c.CompletedAt is not null, c.Tally(), c.Version);
}

/// <summary>征求意见: open a collection, record each household's position at a visit, complete it with the result.</summary>
public static class Opinions
{
    public const int DefaultThresholdPercent = 90;

    public static IEndpointRouteBuilder MapOpinions(this IEndpointRouteBuilder api)
    {
        // Household opinion collections: the cooperative's organisation.
        api.MapPost("/opinion-collections", OpenAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.OrganisationInBody).WithName("OpenOpinionCollection").WithSummary("发起征求意见 / Open an opinion collection")
            .Accepts<OpenCollectionRequest>("application/json").Produces<CollectionResponse>(StatusCodes.Status201Created);
        api.MapGet("/opinion-collections/{id:guid}", GetAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.CollectionInRoute).WithName("GetOpinionCollection").WithSummary("征求意见情况 / Current tally");
        // A visit: the cooperative's secretary or the town for anyone's, a member of that village for their own.
        api.MapPost("/opinion-collections/{id:guid}/positions", RecordAsync).RequireAccess(PracticalProjectsAccess.VisitSubtree, PracticalProjectsAccess.VisitInRoute).WithName("RecordHouseholdPosition")
            .WithSummary("入户记录意见 / Record a household's position")
            .WithDescription("农户须在该经济社的农户名册中；同意或不同意须签字（姓名加确认，或手写签名图片）。同一农户再次走访以最新一次为准，历次记录保留。党员可记录本人的走访。带 Idempotency-Key 重复提交只记录一次。")
            .Accepts<RecordPositionRequest>("application/json")
            .Produces<CollectionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/opinion-collections/{id:guid}/positions", ListPositionsAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.CollectionInRoute).WithName("ListHouseholdPositions")
            .WithSummary("各户意见与签字 / Each household's current position and signature, page by page");
        api.MapPost("/opinion-collections/{id:guid}/completion", CompleteAsync).RequireAccess(PracticalProjectsAccess.ChangeSubtree, PracticalProjectsAccess.CollectionInRoute).WithName("CompleteOpinionCollection")
            .WithSummary("结束征求意见并计算结果 / Complete with the result");
        return api;
    }

    private static async Task<Results<Created<CollectionResponse>, IdempotentReplay, ProblemHttpResult>> OpenAsync(ValidatedBody<OpenCollectionRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        if (r.ProjectId is { } named && await http.RefuseUnlessAllowedForAsync(PracticalProjectsScopes.Project, named) is { } refused)
        {
            return refused;
        }

        return await db.CreateOnceAsync(http, "opinion-collections.open", r, async ct =>
        {
            var register = await db.Households.AsNoTracking().Where(h => h.OrganisationId == r.OrganisationId)
                .GroupBy(h => h.EconomicCooperative).Select(g => new { Cooperative = g.Key, Count = g.Count() }).ToListAsync(ct);
            if (register.Sum(g => g.Count) == 0)
            {
                throw new RequestValidationException([new FieldError("organisationId", "opinion.register-empty",
                    "该党群小组（经济社）在农户名册中还没有农户（或尚未从党员管理服务同步），无法征求意见。",
                    "The party–mass group has no households on the register (or they are not yet synchronised from Membership).")]);
            }

            PracticalProject? project = null;
            if (r.ProjectId is { } projectId)
            {
                project = await db.Projects.FirstOrDefaultAsync(p => p.Id == new ProjectId(projectId), ct)
                    ?? throw new RequestValidationException([new FieldError("projectId", "project.unknown", "项目不存在。", "The project does not exist.")]);
                project.RequireConsultation();
            }

            var collection = OpinionCollection.Open(
                new OpinionCollectionId(Guid.CreateVersion7(time.GetUtcNow())), r.Subject, r.OrganisationId,
                register.MaxBy(g => g.Count)!.Cooperative, project?.Id.Value, register.Sum(g => g.Count), r.ThresholdPercent ?? DefaultThresholdPercent);
            db.OpinionCollections.Add(collection);
            return (CollectionResponse.From(collection), $"/opinion-collections/{collection.Id.Value}");
        }, time);
    }

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> GetAsync(Guid id, ProjectsDbContext db, CancellationToken ct) =>
        await db.OpinionCollections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == new OpinionCollectionId(id), ct) is { } collection
            ? TypedResults.Ok(CollectionResponse.From(collection))
            : Problems.NotFound("征求意见", "opinion collection");

    private static async Task<Results<Ok<CollectionResponse>, IdempotentReplay, ProblemHttpResult>> RecordAsync(
        Guid id, ValidatedBody<RecordPositionRequest> body, ProjectsDbContext db, PracticalProjectsScopes scopes, TimeProvider time, ClaimsPrincipal user,
        HttpContext http)
    {
        var r = body.Value;
        if (await db.OpinionCollections.FirstOrDefaultAsync(c => c.Id == new OpinionCollectionId(id), http.RequestAborted) is not { } collection)
        {
            return Problems.NotFound("征求意见", "opinion collection");
        }

        // A double click on the secretary's checklist sends one key twice: the household gets one revision, not two.
        return await db.ChangeOnceAsync(http, $"opinion-collections.positions:{id}", r, async ct =>
        {
            var visitor = await Visitors.ResolveAsync(db, user, scopes, id, r.VisitedBy, ct);
            if (r.SignatureImageId is { } image && !await db.SignatureImages.AnyAsync(s => s.Id == image && s.CollectionId == collection.Id, ct))
            {
                throw new RequestValidationException([new FieldError("signatureImageId", "opinion.signature-image-unknown",
                    "签名图片不存在（须先上传到本次征求意见）。", "No such signature image was uploaded to this collection.")]);
            }

            var onRegister = await db.Households.AnyAsync(h => h.HouseholdId == r.HouseholdId && h.OrganisationId == collection.OrganisationId, ct);
            var now = time.GetUtcNow();
            collection.Record(
                r.HouseholdId, onRegister, r.Position, new HouseholdSignature(r.SignedName, r.SignatureConfirmed == true, r.SignatureImageId), r.SignatureReference,
                visitor, r.VisitedOn, TownCalendar.DateOf(now), now);
            return CollectionResponse.From(collection);
        }, time);
    }

    private static async Task<Results<Ok<Page<HouseholdPositionResponse>>, ProblemHttpResult>> ListPositionsAsync(
        Guid id, int? page, int? pageSize, ProjectsDbContext db, CancellationToken ct)
    {
        if (await db.OpinionCollections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == new OpinionCollectionId(id), ct) is not { } collection)
        {
            return Problems.NotFound("征求意见", "opinion collection");
        }

        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var current = collection.CurrentPositions().OrderBy(p => p.VisitedOn).ThenBy(p => p.HouseholdId).ToList();
        var shown = current.Skip(skip).Take(size).ToList();
        var ids = shown.Select(p => p.HouseholdId).ToList();
        var heads = await db.Households.AsNoTracking().Where(h => ids.Contains(h.HouseholdId)).ToDictionaryAsync(h => h.HouseholdId, h => h.HeadName, ct);
        return TypedResults.Ok(new Page<HouseholdPositionResponse>(
            shown.Select(p => new HouseholdPositionResponse(
                p.HouseholdId, heads.GetValueOrDefault(p.HouseholdId), p.Position, p.VisitedBy, p.VisitedOn, p.Revision,
                p.SignatureImageId is not null || (p.SignatureConfirmed && p.SignedName is not null), p.SignedName, p.SignatureImageId, p.SignatureReference)).ToList(),
            number, size, current.Count));
    }

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, ProjectsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.OpinionCollections.FirstOrDefaultAsync(c => c.Id == new OpinionCollectionId(id), ct) is not { } collection)
        {
            return Problems.NotFound("征求意见", "opinion collection");
        }

        var now = time.GetUtcNow();
        collection.Complete(now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CollectionResponse.From(collection));
    }
}
