using Lishui.Assessment.Data;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Ledger;

public sealed record ReverseLedgerEntryRequest(string Reason, string EnteredBy);

/// <summary>POST /schemes/{id}/ledger-entries/{entryId}/reversal: the only way to correct an entry.</summary>
public static class ReverseLedgerEntry
{
    public static RouteHandlerBuilder MapReverseLedgerEntry(this IEndpointRouteBuilder api) =>
        api.MapPost("/schemes/{id:guid}/ledger-entries/{entryId:guid}/reversal", HandleAsync).RequireAccess(AssessmentAccess.SubtreeChange, AssessmentAccess.Scheme)
            .WithName("ReverseLedgerEntry")
            .WithSummary("冲正 / Reverse an entry")
            .Accepts<ReverseLedgerEntryRequest>("application/json")
            .Produces<LedgerEntryResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<LedgerEntryResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        Guid id, Guid entryId, ValidatedBody<ReverseLedgerEntryRequest> body, AssessmentDbContext db, TimeProvider time, HttpContext http)
    {
        var ct0 = http.RequestAborted;
        if (await db.Schemes.FirstOrDefaultAsync(s => s.Id == id, ct0) is not { } scheme)
        {
            return Problems.NotFound("考核方案", "scheme");
        }

        if (await db.LedgerEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.SchemeId == id, ct0) is not { } original)
        {
            return Problems.NotFound("积分记录", "ledger entry");
        }

        var request = body.Value;
        return await db.CreateOnceAsync(http, $"ledger.reverse:{entryId}", request, async ct =>
        {
            var alreadyReversed = await db.LedgerEntries.AnyAsync(e => e.ReversesEntryId == entryId, ct);
            var now = time.GetUtcNow();
            var reversal = scheme.Reverse(original, Guid.CreateVersion7(now), alreadyReversed, request.Reason, request.EnteredBy, now);
            db.LedgerEntries.Add(reversal);
            return (LedgerEntryResponse.From(reversal), $"/schemes/{scheme.Id}/ledger-entries/{reversal.Id}");
        }, time);
    }
}
