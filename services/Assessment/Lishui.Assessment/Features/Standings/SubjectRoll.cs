using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Standings;

public sealed record RollEntryResponse(Guid SubjectId, string Name);

/// <summary>
/// Who a scheme of an organisation scores (<c>assessment_roll</c> in the database): members of the
/// organisation and every organisation below it, their households, or the party–mass groups
/// (economic cooperatives) and village committees among them.
/// </summary>
public static class SubjectRoll
{
    public static Task<bool> ContainsAsync(AssessmentDbContext db, Scheme scheme, Guid subjectId, CancellationToken ct) =>
        Of(db, scheme.OrganisationId, scheme.SubjectType).AnyAsync(r => r.SubjectId == subjectId, ct);

    public static IQueryable<RollEntryResponse> Of(AssessmentDbContext db, Guid organisationId, SubjectType type) =>
        db.Database.SqlQuery<RollEntryResponse>(
            $"""SELECT subject_id, name FROM assessment_roll({organisationId}, {type.ToString()})""");

    /// <summary>GET /organisations/{id}/roll?subjectType=Member: whom a scheme of this organisation would score, as this service knows it now.</summary>
    public static RouteHandlerBuilder MapGetRoll(this IEndpointRouteBuilder api) =>
        api.MapGet("/organisations/{id:guid}/roll", HandleAsync).RequireAccess(AssessmentAccess.SubtreeRead, AssessmentAccess.Organisation).WithName("GetRoll").WithSummary("考核对象名册 / Whom a scheme scores");

    private static async Task<Ok<Page<RollEntryResponse>>> HandleAsync(
        Guid id, SubjectType? subjectType, int? page, int? pageSize, AssessmentDbContext db, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var roll = Of(db, id, subjectType ?? SubjectType.Member);
        var items = await roll.OrderBy(r => r.Name).ThenBy(r => r.SubjectId).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<RollEntryResponse>(items, number, size, await roll.CountAsync(ct)));
    }
}
