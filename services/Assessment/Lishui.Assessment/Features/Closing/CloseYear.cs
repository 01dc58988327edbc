using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Closing;

/// <summary>Window length in Chinese working days (default 5).</summary>
public sealed record CloseYearRequest(int? PublicationWorkingDays) : IValidatableRequest
{
    public const int MaxWorkingDays = 30;

    public IEnumerable<FieldError> Validate()
    {
        if (PublicationWorkingDays is < 1 or > MaxWorkingDays)
        {
            yield return new FieldError("publicationWorkingDays", "notice.window-invalid",
                $"公示期应为 1 至 {MaxWorkingDays} 个工作日。", $"The publication window must be 1 to {MaxWorkingDays} working days.");
        }
    }
}

public sealed record NoticeSummaryResponse(Guid Id, Guid SchemeId, int Year, DateTimeOffset PublishedAt, DateOnly WindowOpensOn, DateOnly WindowClosesOn, int SubjectCount)
{
    public static NoticeSummaryResponse From(Notice n) => new(n.Id, n.SchemeId, n.Year, n.PublishedAt, n.WindowOpensOn, n.WindowClosesOn, n.SubjectCount);
}

/// <summary>
/// POST /schemes/{id}/close: freeze the ledger, store every subject's total, grade and rank, and put
/// them up for public notice. One transaction: the scheme's optimistic lock makes an entry committed
/// meanwhile abort the close (409) rather than be left out of the results.
/// </summary>
public static class CloseYear
{
    public static RouteHandlerBuilder MapCloseYear(this IEndpointRouteBuilder api) =>
        // Closing a year publishes its notice; objections are answered and results finalised by the scheme's organisation.
        api.MapPost("/schemes/{id:guid}/close", HandleAsync).RequireAccess(AssessmentAccess.SubtreeChange, AssessmentAccess.Scheme)
            .WithName("CloseYear")
            .WithSummary("年度考核结束并公示 / Close the year and publish the notice")
            .Accepts<CloseYearRequest>("application/json")
            .Produces<NoticeSummaryResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<NoticeSummaryResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<CloseYearRequest> body, AssessmentDbContext db, WorkingDayCalendar calendar, TimeProvider time, HttpContext http)
    {
        if (await db.Schemes.FirstOrDefaultAsync(s => s.Id == id, http.RequestAborted) is not { } scheme)
        {
            return Problems.NotFound("考核方案", "scheme");
        }

        var request = body.Value;
        await using var tx = await db.Database.BeginTransactionAsync(http.RequestAborted);
        var result = await db.CreateOnceAsync(http, $"schemes.close:{id}", request, async ct =>
        {
            var notice = await CloseAsync(db, scheme, request.PublicationWorkingDays ?? PublicationWindow.DefaultWorkingDays, calendar, time.GetUtcNow(), ct);
            return (NoticeSummaryResponse.From(notice), $"/notices/{notice.Id}");
        }, time);
        await tx.CommitAsync(http.RequestAborted);
        return result;
    }

    /// <summary>
    /// The close itself, inside the caller's transaction (the caller saves and commits): the scheme is
    /// marked closed, every subject's result is stored by one INSERT … SELECT over the ledger (never as
    /// entities), and the scheme publishes the notice, recording AssessmentNoticePublished. The benchmark
    /// runs this very method.
    /// </summary>
    public static async Task<Notice> CloseAsync(AssessmentDbContext db, Scheme scheme, int workingDays, WorkingDayCalendar calendar, DateTimeOffset now, CancellationToken ct)
    {
        scheme.Close(now);
        var subjects = await StandingsQuery.InsertResultsAsync(db, scheme, ct);
        var notice = scheme.PublishNotice(Guid.CreateVersion7(now), subjects, workingDays, calendar, now);
        db.Notices.Add(notice);
        return notice;
    }
}
