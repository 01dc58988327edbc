using Lishui.Assessment.Data;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Ledger;

/// <summary>One ledger entry with the year of its scheme, as a subject's own ledger lists it.</summary>
public sealed record SubjectLedgerEntryResponse(int Year, LedgerEntryResponse Entry);

/// <summary>
/// GET /subjects/{id}/ledger?year=&amp;schemeId=&amp;page=&amp;pageSize=: every ledger entry of one subject (a
/// member, household or organisation) across schemes, newest first. A member reads their own; a
/// secretary those of their subtree; the town and auditors all.
/// </summary>
public static class ListSubjectLedger
{
    public static RouteHandlerBuilder MapListSubjectLedger(this IEndpointRouteBuilder api) =>
        api.MapGet("/subjects/{id:guid}/ledger", HandleAsync).RequireAccess(AssessmentAccess.SubtreeOrOwnRead, ScopeRef.Route("id", AssessmentScopes.Subject))
            .WithName("ListSubjectLedger")
            .WithSummary("考核对象的积分明细 / A subject's ledger entries")
            .WithDescription("一个考核对象（党员、家庭户或组织）在各考核方案中的全部积分记录，可按年度、方案筛选，分页，新者在前。党员可查看本人，书记可查看本级及下级，镇级与审计人员可查看全部。 / Every ledger entry of one subject across schemes, by year or scheme, paged, newest first. A member reads their own, a secretary their subtree's, the town and auditors all.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<SubjectLedgerEntryResponse>>, ProblemHttpResult>> HandleAsync(
        Guid id, string? year, string? schemeId, string? page, string? pageSize, AssessmentDbContext db, CancellationToken ct)
    {
        var query = new QueryValues();
        var yearFilter = query.Int("year", year, 2000, 2100, "年度");
        var schemeFilter = query.Id("schemeId", schemeId, "考核方案");
        var (number, size, skip) = query.Paging(page, pageSize);
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var entries =
            from e in db.LedgerEntries.AsNoTracking()
            join s in db.Schemes.AsNoTracking() on e.SchemeId equals s.Id
            where e.SubjectId == id
            select new { Entry = e, s.Year };
        if (yearFilter is { } y)
        {
            entries = entries.Where(x => x.Year == y);
        }

        if (schemeFilter is { } scheme)
        {
            entries = entries.Where(x => x.Entry.SchemeId == scheme);
        }

        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(x => x.Entry.RecordedAt).ThenByDescending(x => x.Entry.Id).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SubjectLedgerEntryResponse>(rows.Select(x => new SubjectLedgerEntryResponse(x.Year, LedgerEntryResponse.From(x.Entry))).ToList(), number, size, total));
    }
}
