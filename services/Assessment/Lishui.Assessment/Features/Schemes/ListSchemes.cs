using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Schemes;

/// <summary>
/// GET /schemes?organisationId=&amp;year=&amp;subjectType=&amp;page=&amp;pageSize=: schemes of an organisation and
/// every organisation below it, newest year first. A secretary names an organisation of their subtree;
/// the town and auditors may leave it out and see every scheme.
/// </summary>
public static class ListSchemes
{
    private static readonly string[] SubjectTypes = Enum.GetNames<SubjectType>();

    public static RouteHandlerBuilder MapListSchemes(this IEndpointRouteBuilder api) =>
        // The town and auditors may name none.
        api.MapGet("/schemes", HandleAsync).RequireAccess(AssessmentAccess.SubtreeRead, AssessmentAccess.OrganisationInQuery)
            .WithName("ListSchemes")
            .WithSummary("考核方案列表 / Assessment schemes")
            .WithDescription("按党组织（含下级）、年度、考核对象类型筛选考核方案，分页，年度新者在前。书记须指定本级或下级党组织；镇级与审计人员可不指定。 / Schemes of an organisation and those below it, by year and subject type, paged, newest year first. A secretary names an organisation of their subtree; the town and auditors may leave it out.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<SchemeResponse>>, ProblemHttpResult>> HandleAsync(
        string? organisationId, string? year, string? subjectType, string? page, string? pageSize, AssessmentDbContext db, CancellationToken ct)
    {
        var query = new QueryValues();
        var organisationFilter = query.Id("organisationId", organisationId, "党组织");
        var yearFilter = query.Int("year", year, 2000, 2100, "年度");
        var typeFilter = query.OneOf("subjectType", subjectType, s => Enum.TryParse<SubjectType>(s, false, out var t) && SubjectTypes.Contains(s) ? t : (SubjectType?)null, SubjectTypes, "考核对象类型");
        var (number, size, skip) = query.Paging(page, pageSize);
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var schemes = db.Schemes.AsNoTracking();
        if (organisationFilter is { } org)
        {
            var subtree = (await db.SubtreeAsync(org, ct)).ToArray();
            schemes = schemes.Where(s => subtree.Contains(s.OrganisationId));
        }

        if (yearFilter is { } y)
        {
            schemes = schemes.Where(s => s.Year == y);
        }

        if (typeFilter is { } t)
        {
            schemes = schemes.Where(s => s.SubjectType == t);
        }

        var total = await schemes.CountAsync(ct);
        var rows = await schemes.OrderByDescending(s => s.Year).ThenBy(s => s.CreatedAt).ThenBy(s => s.Id).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SchemeResponse>(rows.Select(SchemeResponse.From).ToList(), number, size, total));
    }
}
