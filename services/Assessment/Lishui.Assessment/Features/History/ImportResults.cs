using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.History;

/// <summary>One member's final result of the year, as the paper record gives it.</summary>
public sealed record ImportedResultRow(Guid MemberId, Grade Grade, decimal Total);

/// <summary>A past year's final member results of one organisation, with where they come from.</summary>
public sealed record ImportResultsRequest(Guid OrganisationId, int Year, string Source, IReadOnlyList<ImportedResultRow> Rows) : IValidatableRequest
{
    public const int MaxRows = 1000;

    public IEnumerable<FieldError> Validate()
    {
        if (OrganisationId == Guid.Empty)
        {
            yield return new FieldError("organisationId", "field.required", "请指定党组织。", "The organisation is required.");
        }

        if (string.IsNullOrWhiteSpace(Source) || Source.Trim().Length > ImportedResult.MaxSourceLength)
        {
            yield return new FieldError("source", "imported-result.source-invalid", $"请注明结果来源（不超过 {ImportedResult.MaxSourceLength} 个字符）。",
                $"Say where the results come from (at most {ImportedResult.MaxSourceLength} characters).");
        }

        if (Rows.Count is 0 or > MaxRows)
        {
            yield return new FieldError("rows", "imported-result.rows-count", $"应导入 1 至 {MaxRows} 条结果。", $"Import 1 to {MaxRows} results.");
            yield break;
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < Rows.Count; i++)
        {
            var row = Rows[i];
            if (row is null)
            {
                yield return new FieldError($"rows[{i}]", "field.required", "结果行不能为空。", "A result row is missing.");
                continue;
            }

            if (row.MemberId == Guid.Empty)
            {
                yield return new FieldError($"rows[{i}].memberId", "field.required", "请指定党员。", "The member is required.");
            }
            else if (!seen.Add(row.MemberId))
            {
                yield return new FieldError($"rows[{i}].memberId", "imported-result.member-twice", "同一党员在本次导入中出现多次。", "The member appears more than once in this import.");
            }

            if (new ImportedTotalMustBeInRangeRule(row.Total).IsBroken())
            {
                var rule = new ImportedTotalMustBeInRangeRule(row.Total);
                yield return new FieldError($"rows[{i}].total", rule.Code, rule.MessageZh, rule.MessageEn);
            }
        }
    }
}

public sealed record ImportedResultResponse(Guid Id, int Year, Guid MemberId, string Name, Guid OrganisationId, Grade Grade, string GradeLabel, decimal Total, string Source, string ImportedBy, DateTimeOffset ImportedAt)
{
    public static ImportedResultResponse From(ImportedResult r) =>
        new(r.Id, r.Year, r.MemberId, r.Name, r.OrganisationId, r.Grade, GradeNames.Zh(r.Grade), r.Total, r.Source, r.ImportedBy, r.ImportedAt);
}

public sealed record ImportResultsResponse(Guid OrganisationId, int Year, int Imported, IReadOnlyList<ImportedResultResponse> Results);

/// <summary>
/// POST /imported-results: the town enters a past year's final results held on paper (town only; the
/// audit trail records who did). All rows or none: an unknown member, a member already holding a
/// result for that year, or a year that is not past refuses the whole import.
/// </summary>
public static class ImportResults
{
    public static RouteHandlerBuilder MapImportResults(this IEndpointRouteBuilder api) =>
        // Past years' final results held on paper: imported by the town only (audited), read by the town and auditors.
        api.MapPost("/imported-results", HandleAsync).RequireAccess(AssessmentAccess.TownOnly)
            .WithName("ImportResults")
            .WithSummary("导入往年最终考核结果 / Import a past year's final results")
            .WithDescription("镇级导入尚未在平台上考核的往年党员最终结果（如 2024 年纸质台账），使“连续两年不合格”等规则自平台使用第一年起即可适用；结果随党员本人，不随党组织。需 Idempotency-Key。 / The town imports final member results of a year assessed before the platform, so the two-year rule applies from the first year of use; a result follows the member, not the organisation. Send an Idempotency-Key.")
            .Accepts<ImportResultsRequest>("application/json")
            .Produces<ImportResultsResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<ImportResultsResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        ValidatedBody<ImportResultsRequest> body, AssessmentDbContext db, TimeProvider time, HttpContext http)
    {
        var request = body.Value;
        return await db.CreateOnceAsync(http, "imported-results.import", request, async ct =>
        {
            var now = time.GetUtcNow();
            var today = TownCalendar.DateOf(now);
            AggregateRootRules.Check(new OnlyAPastYearIsImportedRule(request.Year, today));
            var ids = request.Rows.Select(r => r.MemberId).ToList();
            var roll = await db.Members.AsNoTracking().Where(m => ids.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, m => m.Name, ct);
            var already = (await db.ImportedResults.Where(r => r.Year == request.Year && ids.Contains(r.MemberId)).Select(r => r.MemberId).ToListAsync(ct)).ToHashSet();
            var errors = new List<FieldError>();
            for (var i = 0; i < request.Rows.Count; i++)
            {
                if (!roll.ContainsKey(request.Rows[i].MemberId))
                {
                    errors.Add(new FieldError($"rows[{i}].memberId", "imported-result.member-unknown", "党员名册中没有该党员。", "The member is not on the roll."));
                }
                else if (already.Contains(request.Rows[i].MemberId))
                {
                    errors.Add(new FieldError($"rows[{i}].memberId", "imported-result.exists", $"该党员 {request.Year} 年度的结果已导入。", $"The member's {request.Year} result has been imported already."));
                }
            }

            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors, errors.Any(e => e.Code == "imported-result.exists") ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);
            }

            var importedBy = Caller.From(http.User).Name;
            var results = request.Rows.Select(r => ImportedResult.Import(Guid.CreateVersion7(now), request.Year, r.MemberId, roll[r.MemberId], request.OrganisationId,
                r.Grade, r.Total, request.Source, importedBy, today, now)).ToList();
            db.ImportedResults.AddRange(results);
            return (new ImportResultsResponse(request.OrganisationId, request.Year, results.Count, results.Select(ImportedResultResponse.From).ToList()),
                $"/imported-results?year={request.Year}&organisationId={request.OrganisationId}");
        }, time);
    }
}
