using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Ledger;

/// <summary>Many manual entries on one scheme's ledger, each as <see cref="AddLedgerEntryRequest"/> takes it.</summary>
public sealed record AddLedgerEntriesRequest(IReadOnlyList<AddLedgerEntryRequest> Entries) : IValidatableRequest
{
    public const int MaxEntries = 500;

    public IEnumerable<FieldError> Validate()
    {
        if (Entries.Count is 0 or > MaxEntries)
        {
            yield return new FieldError("entries", "ledger.entries-count", $"每次应录入 1 至 {MaxEntries} 条积分。", $"Enter 1 to {MaxEntries} entries at a time.");
            yield break;
        }

        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i] is not { } entry)
            {
                yield return new FieldError($"entries[{i}]", "field.required", "积分记录不能为空。", "An entry is missing.");
                continue;
            }

            foreach (var error in entry.Validate())
            {
                yield return error with { Field = $"entries[{i}].{error.Field}" };
            }
        }
    }
}

public sealed record AddLedgerEntriesResponse(IReadOnlyList<LedgerEntryResponse> Entries);

/// <summary>
/// POST /schemes/{id}/ledger-entries/batch: a secretary enters a month's points for a whole branch at
/// once. All or nothing: every entry is checked as a single entry would be, and one fault refuses the
/// batch, listing each faulty entry. Stored together, so entries sent side by side never race on the
/// scheme's version; each still raises its own PointsAwarded.
/// </summary>
public static class AddLedgerEntries
{
    public static RouteHandlerBuilder MapAddLedgerEntries(this IEndpointRouteBuilder api) =>
        api.MapPost("/schemes/{id:guid}/ledger-entries/batch", HandleAsync).RequireAccess(AssessmentAccess.SubtreeChange, AssessmentAccess.Scheme)
            .WithName("AddLedgerEntries")
            .WithSummary("批量录入积分 / Enter points in a batch")
            .WithDescription($"一次录入 1 至 {AddLedgerEntriesRequest.MaxEntries} 条积分（如党建星期二后录入一个支部当月的积分），规则与逐条录入相同。" +
                "全部成功或全部不录入：任一条有误即整批退回，逐条列出错误（如 entries[3].subjectId）。需 Idempotency-Key，重试同一批次返回首次结果。 / " +
                $"Enters 1 to {AddLedgerEntriesRequest.MaxEntries} entries at once under the rules of a single entry. All or nothing: one faulty entry " +
                "refuses the batch, each fault listed by its path (e.g. entries[3].subjectId). Send an Idempotency-Key; a retried batch gets the first answer.")
            .Accepts<AddLedgerEntriesRequest>("application/json")
            .Produces<AddLedgerEntriesResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<AddLedgerEntriesResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<AddLedgerEntriesRequest> body, AssessmentDbContext db, TimeProvider time, HttpContext http)
    {
        // Without a key a retried batch (a timeout, a double click) would enter every line twice.
        if (http.Request.Headers[Idempotency.HeaderName].ToString().Length == 0)
        {
            return Problems.Result(Problems.Validation([new FieldError(Idempotency.HeaderName, "idempotency-key.required",
                "批量录入须提供 Idempotency-Key，以免重试时重复录入。", "A batch needs an Idempotency-Key, so that a retry does not enter it twice.")]));
        }

        if (await db.Schemes.FirstOrDefaultAsync(s => s.Id == id, http.RequestAborted) is not { } scheme)
        {
            return Problems.NotFound("考核方案", "scheme");
        }

        var request = body.Value;
        return await db.CreateOnceAsync(http, $"ledger.add-batch:{id}", request, async ct =>
        {
            var onRoll = await AssessmentRoll.WhichOfAsync(db, scheme, request.Entries.Select(e => e.SubjectId), ct);
            var now = time.GetUtcNow();
            var entries = new List<LedgerEntry>(request.Entries.Count);
            var errors = new List<FieldError>();
            for (var i = 0; i < request.Entries.Count; i++)
            {
                var line = request.Entries[i];
                if (!onRoll.Contains(line.SubjectId))
                {
                    errors.Add(AssessmentRoll.SubjectUnknown($"entries[{i}].subjectId"));
                    continue;
                }

                try
                {
                    entries.Add(scheme.EnterPoints(Guid.CreateVersion7(now), line.SubjectId, line.Dimension, line.Points, line.Reason, line.EnteredBy, line.Evidence, now));
                }
                catch (BusinessRuleViolation v) when (v.Rule.Field is { } field)
                {
                    // An entry's own fault: go on so the secretary sees every faulty line at once. A fault of the
                    // scheme itself (a closed year) has no field and refuses the batch as it does a single entry.
                    errors.Add(new FieldError($"entries[{i}].{field}", v.Rule.Code, v.Rule.MessageZh, v.Rule.MessageEn));
                }
            }

            if (errors.Count > 0)
            {
                // Nothing is saved: the scheme's numbering and events of the good entries go with this request.
                throw new RequestValidationException(errors, errors.All(e => e.Code == AssessmentRoll.SubjectUnknownCode)
                    ? StatusCodes.Status400BadRequest
                    : StatusCodes.Status422UnprocessableEntity);
            }

            db.LedgerEntries.AddRange(entries);
            return (new AddLedgerEntriesResponse(entries.Select(LedgerEntryResponse.From).ToList()), $"/schemes/{scheme.Id}/ledger-entries");
        }, time);
    }
}
