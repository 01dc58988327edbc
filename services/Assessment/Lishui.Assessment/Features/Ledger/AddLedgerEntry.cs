using Lishui.Assessment.Data;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Ledger;

public sealed record AddLedgerEntryRequest(Guid SubjectId, string Dimension, decimal Points, string Reason, string EnteredBy, string? Evidence)
    : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (SubjectId == Guid.Empty)
        {
            yield return new FieldError("subjectId", "field.required", "请指定被考核对象。", "The subject is required.");
        }
    }
}

/// <summary>
/// POST /schemes/{id}/ledger-entries: a secretary's manual entry (e.g. volunteer hours, a conduct
/// deduction, a household's or a cooperative's score). The subject must be on the scheme's roll: a
/// member, household or organisation in the subtree of the scheme's organisation.
/// </summary>
public static class AddLedgerEntry
{
    public static RouteHandlerBuilder MapAddLedgerEntry(this IEndpointRouteBuilder api) =>
        // Points: entered and reversed by the scheme's organisation; standings read by it; a subject's own
        // standing also by the member it is (their own points).
        api.MapPost("/schemes/{id:guid}/ledger-entries", HandleAsync).RequireAccess(AssessmentAccess.SubtreeChange, AssessmentAccess.Scheme)
            .WithName("AddLedgerEntry")
            .WithSummary("录入积分 / Enter points manually")
            .Accepts<AddLedgerEntryRequest>("application/json")
            .Produces<LedgerEntryResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<LedgerEntryResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<AddLedgerEntryRequest> body, AssessmentDbContext db, TimeProvider time, HttpContext http)
    {
        if (await db.Schemes.FirstOrDefaultAsync(s => s.Id == id, http.RequestAborted) is not { } scheme)
        {
            return Problems.NotFound("考核方案", "scheme");
        }

        var request = body.Value;
        return await db.CreateOnceAsync(http, $"ledger.add:{id}", request, async ct =>
        {
            if (!await AssessmentRoll.ContainsAsync(db, scheme, request.SubjectId, ct))
            {
                throw new RequestValidationException([AssessmentRoll.SubjectUnknown("subjectId")]);
            }

            var now = time.GetUtcNow();
            var entry = scheme.EnterPoints(Guid.CreateVersion7(now), request.SubjectId, request.Dimension, request.Points,
                request.Reason, request.EnteredBy, request.Evidence, now);
            db.LedgerEntries.Add(entry);
            return (LedgerEntryResponse.From(entry), $"/schemes/{scheme.Id}/ledger-entries/{entry.Id}");
        }, time);
    }
}
