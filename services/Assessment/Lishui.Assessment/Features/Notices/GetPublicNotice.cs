using System.Text.Json;
using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Notices;

/// <summary>
/// What residents may see of one subject: name, grade and scores. No ids, nothing else personal. The grade
/// keeps its code for programs and carries the words a resident reads (优秀…) beside it.
/// </summary>
public sealed record PublicResultResponse(string Name, Grade Grade, string GradeLabel, decimal Total, IReadOnlyDictionary<string, decimal> Scores)
{
    public static PublicResultResponse Of(string name, Grade grade, decimal total, string scoresJson) =>
        new(name, grade, GradeNames.Zh(grade), total, JsonSerializer.Deserialize<Dictionary<string, decimal>>(scoresJson) ?? []);
}

public sealed record PublicDimension(string Code, string Name, decimal Max);

/// <summary><c>OrganisationName</c> comes from this service's copy of the organisation tree; null until that organisation has arrived.</summary>
public sealed record PublicNoticeResponse(
    Guid Id, int Year, string? OrganisationName, DateOnly WindowOpensOn, DateOnly WindowClosesOn, IReadOnlyList<PublicDimension> Dimensions, Page<PublicResultResponse> Results,
    SchemeTopic Topic, string TopicLabel, string State, string StateLabel);

/// <summary>GET /notices/{id}: the public notice (公示), readable without logging in.</summary>
public static class GetPublicNotice
{
    public static RouteHandlerBuilder MapGetPublicNotice(this IEndpointRouteBuilder api) =>
        api.MapGet("/notices/{id:guid}", HandleAsync).RequireAccess(AssessmentAccess.Anyone)
            .WithName("GetPublicNotice")
            .WithSummary("考核结果公示 / Public notice of results");

    private static async Task<Results<Ok<PublicNoticeResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, int? page, int? pageSize, AssessmentDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) is not { } notice)
        {
            return Problems.NotFound("公示", "notice");
        }

        var scheme = await db.Schemes.AsNoTracking().FirstAsync(s => s.Id == notice.SchemeId, ct);
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var rows = await db.Results.AsNoTracking().Where(r => r.SchemeId == notice.SchemeId)
            .OrderBy(r => r.Rank).ThenBy(r => r.Name).ThenBy(r => r.SubjectId)
            .Skip(skip).Take(size)
            .Select(r => new { r.Name, r.Grade, r.Total, r.Scores })
            .ToListAsync(ct);
        var items = rows.Select(r => PublicResultResponse.Of(r.Name, r.Grade, r.Total, r.Scores)).ToList();
        var organisationName = await db.OrganisationNameAsync(notice.OrganisationId, ct);
        var state = NoticeStates.Of(notice.FinalisedAt is not null, notice.WindowClosesOn, time.Today());
        return TypedResults.Ok(new PublicNoticeResponse(notice.Id, notice.Year, organisationName, notice.WindowOpensOn, notice.WindowClosesOn,
            scheme.Dimensions.Select(d => new PublicDimension(d.Code, d.Name, d.Max)).ToList(),
            new Page<PublicResultResponse>(items, number, size, notice.SubjectCount), scheme.Topic, SchemeTopics.Zh(scheme.Topic),
            NoticeStates.Code(state), NoticeStates.Zh(state)));
    }

    /// <summary>The name residents know the organisation by, from the local organisation view.</summary>
    public static Task<string?> OrganisationNameAsync(this AssessmentDbContext db, Guid organisationId, CancellationToken ct) =>
        db.Organisations.AsNoTracking().Where(o => o.OrganisationId == organisationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
}
