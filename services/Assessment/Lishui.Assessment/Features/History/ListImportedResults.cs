using Lishui.Assessment.Data;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.History;

/// <summary>GET /imported-results?year=&amp;organisationId=&amp;memberId=&amp;page=&amp;pageSize=: the imported past results, by year, then name.</summary>
public static class ListImportedResults
{
    public static RouteHandlerBuilder MapListImportedResults(this IEndpointRouteBuilder api) =>
        api.MapGet("/imported-results", HandleAsync).RequireAccess(AssessmentAccess.TownRead)
            .WithName("ListImportedResults")
            .WithSummary("已导入的往年结果 / Imported past results")
            .WithDescription("镇级与审计人员查看已导入的往年最终结果，可按年度、党组织、党员筛选，分页。 / The town and auditors read the imported past results, by year, organisation or member, paged.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<ImportedResultResponse>>, ProblemHttpResult>> HandleAsync(
        string? year, string? organisationId, string? memberId, string? page, string? pageSize, AssessmentDbContext db, CancellationToken ct)
    {
        var query = new QueryValues();
        var yearFilter = query.Int("year", year, 2000, 2100, "年度");
        var organisationFilter = query.Id("organisationId", organisationId, "党组织");
        var memberFilter = query.Id("memberId", memberId, "党员");
        var (number, size, skip) = query.Paging(page, pageSize);
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var results = db.ImportedResults.AsNoTracking();
        if (yearFilter is { } y)
        {
            results = results.Where(r => r.Year == y);
        }

        if (organisationFilter is { } o)
        {
            results = results.Where(r => r.OrganisationId == o);
        }

        if (memberFilter is { } m)
        {
            results = results.Where(r => r.MemberId == m);
        }

        var total = await results.CountAsync(ct);
        var rows = await results.OrderByDescending(r => r.Year).ThenBy(r => r.Name).ThenBy(r => r.Id).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<ImportedResultResponse>(rows.Select(ImportedResultResponse.From).ToList(), number, size, total));
    }
}
