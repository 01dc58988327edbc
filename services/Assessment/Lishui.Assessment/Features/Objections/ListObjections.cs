using Lishui.Assessment.Data;
using Lishui.Assessment.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Objections;

/// <summary>
/// An objection as the secretary answering it reads it: the whole text, whom it concerns, the date the
/// answer is due, and the objector's contact when they gave one (null otherwise) so they can be told.
/// The objector's name is not shown: answering needs the contact, not the name.
/// </summary>
public sealed record ObjectionForSecretaryResponse(
    Guid Id, string? Concerning, string Text, string? Contact, DateTimeOffset FiledAt, DateOnly AnswerBy,
    bool Answered, string? Answer, bool? Upheld, string? AnsweredBy, DateTimeOffset? AnsweredAt, Guid? CorrectionEntryId);

/// <summary>
/// GET /notices/{id}/objections: every objection to a notice, in the order filed, for the town, auditors
/// and the secretaries of the notice's organisation or one above it.
/// </summary>
public static class ListObjections
{
    public static RouteHandlerBuilder MapListObjections(this IEndpointRouteBuilder api) =>
        // With the objector's contact, to answer them.
        api.MapGet("/notices/{id:guid}/objections", HandleAsync).RequireAccess(AssessmentAccess.SubtreeRead, AssessmentAccess.Notice)
            .WithName("ListObjections")
            .WithSummary("异议处理列表（含联系方式）/ A notice's objections for answering, with contacts")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<ObjectionForSecretaryResponse>>, ProblemHttpResult>> HandleAsync(
        Guid id, string? page, string? pageSize, AssessmentDbContext db, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var query = new QueryValues();
        var (number, size, skip) = query.Paging(page, pageSize);
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        if (!await db.Notices.AnyAsync(n => n.Id == id, ct))
        {
            return Problems.NotFound("公示", "notice");
        }

        var objections = db.Objections.AsNoTracking().Where(o => o.NoticeId == id);
        var total = await objections.CountAsync(ct);
        var rows = await objections.OrderBy(o => o.FiledAt).ThenBy(o => o.Id).Skip(skip).Take(size).ToListAsync(ct);
        var items = rows.Select(o => new ObjectionForSecretaryResponse(o.Id, o.Concerning, o.Text, o.Contact, o.FiledAt, o.AnswerBy(calendar),
            o.IsAnswered, o.Answer, o.Upheld, o.AnsweredBy, o.AnsweredAt, o.CorrectionEntryId)).ToList();
        return TypedResults.Ok(new Page<ObjectionForSecretaryResponse>(items, number, size, total));
    }
}
