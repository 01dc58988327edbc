using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Objections;

/// <summary>Name and contact are optional: an objection may be anonymous.</summary>
public sealed record FileObjectionRequest(string Text, string? Concerning, string? FiledBy, string? Contact);

/// <summary>
/// POST /notices/{id}/objections: a resident objects during the publication window (no login).
/// ObjectionFiled goes out with the objection (Notification tells the secretary); it names the member
/// only when the objection names exactly one member on a member notice, and carries neither text nor filer.
/// </summary>
public static class FileObjection
{
    public static RouteHandlerBuilder MapFileObjection(this IEndpointRouteBuilder api) =>
        api.MapPost("/notices/{id:guid}/objections", HandleAsync).RequireAccess(AssessmentAccess.Anyone)
            .WithName("FileObjection")
            .WithSummary("提出异议 / File an objection")
            .Accepts<FileObjectionRequest>("application/json")
            .Produces<ObjectionResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<ObjectionResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<FileObjectionRequest> body, AssessmentDbContext db, WorkingDayCalendar calendar, TimeProvider time, HttpContext http)
    {
        if (await db.Notices.FirstOrDefaultAsync(n => n.Id == id, http.RequestAborted) is not { } notice)
        {
            return Problems.NotFound("公示", "notice");
        }

        var request = body.Value;
        return await db.CreateOnceAsync(http, $"objections.file:{id}", request, async ct =>
        {
            var now = time.GetUtcNow();
            var concernedMember = await ConcernedMemberAsync(db, notice, request.Concerning?.Trim(), ct);
            var objection = notice.FileObjection(Guid.CreateVersion7(now), request.Concerning, request.Text, request.FiledBy, request.Contact,
                concernedMember, calendar, TownCalendar.DateOf(now), now);
            db.Objections.Add(objection);
            return (ObjectionResponse.From(objection), $"/notices/{id}/objections/{objection.Id}");
        }, time);
    }

    private static async Task<Guid?> ConcernedMemberAsync(AssessmentDbContext db, Notice notice, string? concerning, CancellationToken ct)
    {
        if (concerning is null || !await db.Schemes.AnyAsync(s => s.Id == notice.SchemeId && s.SubjectType == SubjectType.Member, ct))
        {
            return null;
        }

        var named = await db.Results.Where(r => r.SchemeId == notice.SchemeId && r.Name == concerning).Select(r => r.SubjectId).Take(2).ToListAsync(ct);
        return named.Count == 1 ? named[0] : null; // two members of one name: the secretary reads the text
    }
}
