using Lishui.Contracts;
using Lishui.Contracts.PracticalProjects;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Opinions;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Opinions;

public sealed record OpenCollectionRequest(
    string Subject, Guid OrganisationId, string EconomicCooperative, Guid? ProjectId, int AffectedHouseholds, int? ThresholdPercent);

public sealed record RecordPositionRequest(Guid HouseholdId, Position Position, string? SignatureReference, Guid VisitedBy, DateOnly VisitedOn);

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
        api.MapPost("/opinion-collections", OpenAsync).WithName("OpenOpinionCollection").WithSummary("发起征求意见 / Open an opinion collection")
            .Accepts<OpenCollectionRequest>("application/json").Produces<CollectionResponse>(StatusCodes.Status201Created);
        api.MapGet("/opinion-collections/{id:guid}", GetAsync).WithName("GetOpinionCollection").WithSummary("征求意见情况 / Current tally");
        api.MapPost("/opinion-collections/{id:guid}/positions", RecordAsync).WithName("RecordHouseholdPosition")
            .WithSummary("入户记录意见 / Record a household's position").Accepts<RecordPositionRequest>("application/json");
        api.MapPost("/opinion-collections/{id:guid}/completion", CompleteAsync).WithName("CompleteOpinionCollection")
            .WithSummary("结束征求意见并计算结果 / Complete with the result");
        return api;
    }

    private static async Task<IResult> OpenAsync(ValidatedBody<OpenCollectionRequest> body, ProjectsDbContext db, TimeProvider time, HttpContext http)
    {
        var r = body.Value;
        return await db.CreateOnceAsync(http, "opinion-collections.open", r, _ =>
        {
            var collection = OpinionCollection.Open(
                new OpinionCollectionId(Guid.CreateVersion7(time.GetUtcNow())), r.Subject, r.OrganisationId, r.EconomicCooperative, r.ProjectId,
                r.AffectedHouseholds, r.ThresholdPercent ?? DefaultThresholdPercent);
            db.OpinionCollections.Add(collection);
            return Task.FromResult((CollectionResponse.From(collection), $"/opinion-collections/{collection.Id.Value}"));
        }, time);
    }

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> GetAsync(Guid id, ProjectsDbContext db, CancellationToken ct) =>
        await db.OpinionCollections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == new OpinionCollectionId(id), ct) is { } collection
            ? TypedResults.Ok(CollectionResponse.From(collection))
            : Problems.NotFound("征求意见", "opinion collection");

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> RecordAsync(
        Guid id, ValidatedBody<RecordPositionRequest> body, ProjectsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var r = body.Value;
        if (await db.OpinionCollections.FirstOrDefaultAsync(c => c.Id == new OpinionCollectionId(id), ct) is not { } collection)
        {
            return Problems.NotFound("征求意见", "opinion collection");
        }

        var now = time.GetUtcNow();
        var recorded = collection.Record(r.HouseholdId, r.Position, r.SignatureReference, r.VisitedBy, r.VisitedOn, TownCalendar.DateOf(now));
        db.AddToOutbox(new HouseholdVisited
        {
            CollectionId = collection.Id.Value,
            HouseholdId = recorded.HouseholdId,
            VisitedBy = recorded.VisitedBy,
            VisitedOn = recorded.VisitedOn,
            Revision = recorded.Revision,
        }.About(collection.Id.Value, collection.OrganisationId, collection.Version, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CollectionResponse.From(collection));
    }

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> CompleteAsync(
        Guid id, ProjectsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.OpinionCollections.FirstOrDefaultAsync(c => c.Id == new OpinionCollectionId(id), ct) is not { } collection)
        {
            return Problems.NotFound("征求意见", "opinion collection");
        }

        var now = time.GetUtcNow();
        var result = collection.Complete(now);
        db.AddToOutbox(new OpinionCollectionCompleted
        {
            CollectionId = collection.Id.Value,
            ProjectId = collection.ProjectId,
            AffectedHouseholds = result.Affected,
            Agree = result.Agree,
            Disagree = result.Disagree,
            Abstain = result.Abstain,
            NotVisited = result.NotVisited,
            AgreeShare = result.AgreeShare,
            ThresholdPercent = collection.ThresholdPercent,
            Passed = result.Passed,
        }.About(collection.Id.Value, collection.OrganisationId, collection.Version, now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CollectionResponse.From(collection));
    }
}
