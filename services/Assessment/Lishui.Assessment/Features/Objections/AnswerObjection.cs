using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Objections;

public sealed record CorrectionRequest(Guid SubjectId, string Dimension, decimal Points, string Reason);

/// <summary>An upheld objection that changes a score carries its correction; one that does not, none.</summary>
public sealed record AnswerObjectionRequest(string Answer, bool Upheld, string AnsweredBy, CorrectionRequest? Correction) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (Correction is not null && !Upheld)
        {
            yield return new FieldError("correction", "objection.correction-without-upholding",
                "未采纳的异议不能更正积分。", "Only an upheld objection can correct points.");
        }
    }
}

/// <summary>
/// POST /notices/{id}/objections/{objectionId}/answer: the secretary answers. An upheld objection's
/// correction is a ledger entry on the closed year, and the results are computed again, in the same
/// transaction as the answer and the PointsAwarded event.
/// </summary>
public static class AnswerObjection
{
    public static RouteHandlerBuilder MapAnswerObjection(this IEndpointRouteBuilder api) =>
        api.MapPost("/notices/{id:guid}/objections/{objectionId:guid}/answer", HandleAsync).RequireAccess(AssessmentAccess.SubtreeChange, AssessmentAccess.Notice)
            .WithName("AnswerObjection")
            .WithSummary("答复异议 / Answer an objection")
            .Accepts<AnswerObjectionRequest>("application/json");

    private static async Task<Results<Ok<ObjectionResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, Guid objectionId, ValidatedBody<AnswerObjectionRequest> body, AssessmentDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Objections.FirstOrDefaultAsync(o => o.Id == objectionId && o.NoticeId == id, ct) is not { } objection)
        {
            return Problems.NotFound("异议", "objection");
        }

        var request = body.Value;
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        LedgerEntry? correction = null;
        Scheme? scheme = null;
        if (request.Correction is { } c)
        {
            var notice = await db.Notices.AsNoTracking().FirstAsync(n => n.Id == id, ct);
            scheme = await db.Schemes.FirstAsync(s => s.Id == notice.SchemeId, ct);
            if (!await db.Results.AnyAsync(r => r.SchemeId == scheme.Id && r.SubjectId == c.SubjectId, ct))
            {
                throw new RequestValidationException([new FieldError("correction.subjectId", "objection.subject-not-in-notice",
                    "更正对象不在本次公示名单中。", "The subject to correct is not on this notice.")]);
            }

            correction = scheme.CorrectAfterObjection(Guid.CreateVersion7(now), c.SubjectId, c.Dimension, c.Points, c.Reason, request.AnsweredBy, now);
            db.LedgerEntries.Add(correction);
        }

        objection.AnswerWith(request.Answer, request.Upheld, request.AnsweredBy, correction?.Id, now);
        await db.SaveChangesAsync(ct);
        if (scheme is not null)
        {
            await StandingsQuery.RewriteResultsAsync(db, scheme, ct);
        }

        await tx.CommitAsync(ct);
        return TypedResults.Ok(ObjectionResponse.From(objection));
    }
}
