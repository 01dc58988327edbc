using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Study;

public sealed record MemberStudyAttendanceResponse(
    Guid SessionId,
    Guid PairingId,
    DateOnly HeldOn,
    string Topic,
    AttendanceStatus Status,
    string? Reason);

/// <summary>
/// GET /members/{id}/study-attendance?from=&amp;to=: how a member's Tuesday studies were recorded, newest
/// first. The member reads their own (the reason for an excused absence included: it is theirs);
/// secretaries of their organisation and the town read anyone's.
/// </summary>
public static class MemberStudyAttendance
{
    public static RouteHandlerBuilder MapMemberStudyAttendance(this IEndpointRouteBuilder api) =>
        api.MapGet("/members/{id:guid}/study-attendance", HandleAsync).RequireAccess(PairingAccess.SubtreeOrOwnRead, PairingAccess.Member)
            .WithName("MemberStudyAttendance").WithSummary("党员学习考勤 / A member's Tuesday study attendance");

    private static async Task<Results<Ok<Page<MemberStudyAttendanceResponse>>, ProblemHttpResult>> HandleAsync(
        Guid id, DateOnly? from, DateOnly? to, int? page, int? pageSize, PairingDbContext db, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        if (from > to)
        {
            throw new RequestValidationException([new FieldError("to", "study-attendance.range-invalid", "结束日期不能早于开始日期。", "The end date cannot be before the start date.")]);
        }

        if (!await db.Members.AnyAsync(m => m.MemberId == id, ct))
        {
            return Problems.NotFound("党员", "member");
        }

        var query = db.StudyAttendance.AsNoTracking()
            .Where(a => a.MemberId == id)
            .Join(db.StudySessions.AsNoTracking(), a => a.SessionId, s => s.Id, (a, s) => new { a, s })
            .Where(x => (from == null || x.s.HeldOn >= from) && (to == null || x.s.HeldOn <= to));
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderByDescending(x => x.s.HeldOn).ThenByDescending(x => x.s.Id)
            .Skip(skip).Take(size)
            .Select(x => new MemberStudyAttendanceResponse(x.s.Id, x.s.PairingId, x.s.HeldOn, x.s.Topic, x.a.Status, x.a.Reason))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<MemberStudyAttendanceResponse>(items, number, size, total));
    }
}
