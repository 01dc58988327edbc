using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Standings;

/// <summary>GET /organisations/{id}/roll: whom a scheme of an organisation scores (<see cref="AssessmentRoll"/>).</summary>
public static class SubjectRoll
{
    /// <summary>GET /organisations/{id}/roll?subjectType=Member: whom a scheme of this organisation would score, as this service knows it now.</summary>
    public static RouteHandlerBuilder MapGetRoll(this IEndpointRouteBuilder api) =>
        api.MapGet("/organisations/{id:guid}/roll", HandleAsync).RequireAccess(AssessmentAccess.SubtreeRead, AssessmentAccess.Organisation).WithName("GetRoll").WithSummary("考核对象名册 / Whom a scheme scores");

    private static async Task<Ok<Page<RollEntryResponse>>> HandleAsync(
        Guid id, SubjectType? subjectType, int? page, int? pageSize, AssessmentDbContext db, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var roll = AssessmentRoll.Of(db, id, subjectType ?? SubjectType.Member);
        var items = await roll.OrderBy(r => r.Name).ThenBy(r => r.SubjectId).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<RollEntryResponse>(items, number, size, await roll.CountAsync(ct)));
    }
}
