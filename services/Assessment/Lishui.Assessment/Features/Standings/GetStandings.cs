using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Standings;

/// <summary>Grade so far: provisional until the year is closed (the Excellent cap already applies).</summary>
public sealed record StandingResponse(Guid SubjectId, string Name, IReadOnlyDictionary<string, decimal> Scores, decimal Total, Grade Grade, long Rank);

/// <summary>
/// GET /schemes/{id}/standings: where every subject stands now, highest first.
/// GET /schemes/{schemeId}/standings/{subjectId}: one subject's standing (a member's own points).
/// </summary>
public static class GetStandings
{
    public static IEndpointRouteBuilder MapGetStandings(this IEndpointRouteBuilder api)
    {
        api.MapGet("/schemes/{id:guid}/standings", HandleAsync).RequireAccess(AssessmentAccess.SubtreeRead, AssessmentAccess.Scheme).WithName("GetStandings").WithSummary("积分排名 / Standings");
        api.MapGet("/schemes/{schemeId:guid}/standings/{subjectId:guid}", OneAsync).RequireAccess(AssessmentAccess.SubtreeOrOwnRead, ScopeRef.Route("subjectId", AssessmentScopes.Subject)).WithName("GetStanding").WithSummary("某一对象的积分 / One subject's standing");
        return api;
    }

    private static async Task<Results<Ok<StandingResponse>, ProblemHttpResult>> OneAsync(
        Guid schemeId, Guid subjectId, AssessmentDbContext db, CancellationToken ct)
    {
        if (await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schemeId, ct) is not { } scheme)
        {
            return Problems.NotFound("考核方案", "scheme");
        }

        // Ranked over the whole roll first, so the rank is the subject's place among all.
        return await StandingsQuery.For(db, scheme).Where(r => r.SubjectId == subjectId).FirstOrDefaultAsync(ct) is { } row
            ? TypedResults.Ok(new StandingResponse(row.SubjectId, row.Name, row.ScoreMap(), row.Total, row.Grade, row.Rank))
            : Problems.NotFound("考核对象", "subject");
    }

    private static async Task<Results<Ok<Page<StandingResponse>>, ProblemHttpResult>> HandleAsync(
        Guid id, int? page, int? pageSize, AssessmentDbContext db, CancellationToken ct)
    {
        if (await db.Schemes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } scheme)
        {
            return Problems.NotFound("考核方案", "scheme");
        }

        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var rows = await StandingsQuery.For(db, scheme)
            .OrderBy(r => r.Rank).ThenBy(r => r.Name).ThenBy(r => r.SubjectId)
            .Skip(skip).Take(size).ToListAsync(ct);
        var total = rows.Count > 0 ? (int)rows[0].Subjects : await StandingsQuery.For(db, scheme).CountAsync(ct);
        var items = rows.Select(r => new StandingResponse(r.SubjectId, r.Name, r.ScoreMap(), r.Total, r.Grade, r.Rank)).ToList();
        return TypedResults.Ok(new Page<StandingResponse>(items, number, size, total));
    }
}
