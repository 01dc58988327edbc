using Lishui.Assessment.Data;
using Lishui.Assessment.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Objections;

/// <summary>
/// What anyone may read of an objection: the day it was filed, what it says and how it was answered.
/// Never who filed it or how to reach them; dates, not times, so the filing cannot be matched to a person.
/// <c>Upheld</c> is null until answered.
/// </summary>
public sealed record PublicObjectionResponse(Guid Id, DateOnly FiledOn, string Gist, bool Answered, string? Answer, DateOnly? AnsweredOn, bool? Upheld);

/// <summary>
/// GET /public/notices/{id}/objections: a notice's objections and their answers, in the order they were
/// filed, for residents supervising the publication (公示) without logging in.
/// </summary>
public static class ListPublicObjections
{
    public static RouteHandlerBuilder MapListPublicObjections(this IEndpointRouteBuilder api) =>
        // The gist and its answer, never the objector.
        api.MapGet("/public/notices/{id:guid}/objections", HandleAsync).RequireAccess(AssessmentAccess.Anyone)
            .WithName("ListPublicObjections")
            .WithSummary("公示的异议及答复 / A notice's objections and their answers")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<Page<PublicObjectionResponse>>, ProblemHttpResult>> HandleAsync(
        Guid id, string? page, string? pageSize, AssessmentDbContext db, CancellationToken ct)
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
        var rows = await objections.OrderBy(o => o.FiledAt).ThenBy(o => o.Id).Skip(skip).Take(size)
            .Select(o => new { o.Id, o.FiledAt, o.Text, o.Answer, o.AnsweredAt, o.Upheld }) // the filer's name and contact are never read here
            .ToListAsync(ct);
        var items = rows.Select(o => new PublicObjectionResponse(o.Id, TownCalendar.DateOf(o.FiledAt), o.Text, o.AnsweredAt is not null, o.Answer,
            o.AnsweredAt is { } answered ? TownCalendar.DateOf(answered) : null, o.Upheld)).ToList();
        return TypedResults.Ok(new Page<PublicObjectionResponse>(items, number, size, total));
    }
}
