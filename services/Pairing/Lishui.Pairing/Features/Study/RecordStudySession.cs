using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Messaging;
using Lishui.Pairing.Security;
using Lishui.Pairing.Web;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lishui.Pairing.Features.Study;

public sealed record RecordStudySessionRequest(
    DateOnly HeldOn,
    string Topic,
    string? Material,
    string? Notes,
    string? MovedReason,
    IReadOnlyList<AttendanceRequest> Attendance,
    Guid? ServicePositionId = null) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Topic) || Topic.Trim().Length > StudySession.MaxTopicLength)
        {
            yield return new FieldError("topic", "study.topic-invalid", $"学习议题不能为空，且不超过 {StudySession.MaxTopicLength} 个字符。", $"The topic must be given and at most {StudySession.MaxTopicLength} characters.");
        }

        if (Attendance.Count == 0)
        {
            yield return new FieldError("attendance", "study.attendance-required", "请记录考勤。", "Record the attendance.");
        }

        foreach (var (field, value, max) in new[] { ("material", Material, StudySession.MaxTextLength), ("notes", Notes, StudySession.MaxTextLength), ("movedReason", MovedReason, StudySession.MaxTopicLength) })
        {
            if (value is { Length: var length } && length > max)
            {
                yield return new FieldError(field, "field.too-long", $"此字段不能超过 {max} 个字符。", $"This field must be at most {max} characters.");
            }
        }
    }
}

public sealed record StudySessionResponse(Guid Id, Guid PairingId, DateOnly HeldOn, string Topic, int Present, int Excused, int Absent, Guid? ServicePositionId = null);

/// <summary>
/// POST /organisation-pairings/{id}/study-sessions: record a held Tuesday study with its
/// attendance; publishes StudySessionHeld and one AttendanceRecorded per member (Assessment scores them).
/// </summary>
public static class RecordStudySession
{
    public static IEndpointRouteBuilder MapStudySessions(this IEndpointRouteBuilder api)
    {
        api.MapPost("/organisation-pairings/{id:guid}/study-sessions", HandleAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Pairing)
            .WithName("RecordStudySession").WithSummary("记录第一议题学习及考勤 / Record a held study session and its attendance")
            .Accepts<RecordStudySessionRequest>("application/json")
            .Produces<StudySessionResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/organisation-pairings/{id:guid}/study-sessions", ListAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Pairing)
            .WithName("ListStudySessions").WithSummary("学习记录 / Study sessions of a pairing");
        return api;
    }

    private static async Task<Results<Created<StudySessionResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<RecordStudySessionRequest> body, PairingDbContext db, TimeProvider time, HttpContext http)
    {
        if (!await db.OrganisationPairings.AnyAsync(p => p.Id == id, http.RequestAborted))
        {
            return Problems.NotFound("组织结对", "organisation pairing");
        }

        var request = body.Value;
        var position = await db.FindInUseAsync(request.ServicePositionId, "servicePositionId", http.RequestAborted);
        try
        {
            return await db.CreateOnceAsync(http, $"study-sessions.record:{id}", request, async ct =>
            {
                var pairing = await db.OrganisationPairings.AsNoTracking().FirstAsync(p => p.Id == id, ct);
                if (await db.StudySessions.AnyAsync(s => s.PairingId == id && s.HeldOn == request.HeldOn, ct))
                {
                    throw new BusinessRuleViolation(new OneSessionPerDayRule());
                }

                var organ = await db.SubtreeAsync(pairing.OrganBranchId, ct);
                var village = await db.SubtreeAsync(pairing.VillageCommitteeId, ct);
                var group = await db.Members.AsNoTracking()
                    .Where(m => organ.Contains(m.OrganisationId) || village.Contains(m.OrganisationId))
                    .Select(m => new { m.MemberId, m.OrganisationId, m.Status })
                    .ToListAsync(ct);
                var eligible = group.Where(m => new PairingCandidate(m.MemberId, m.Status).IsEligible).ToDictionary(m => m.MemberId, m => m.OrganisationId);

                // The calendar's session of that day, when the group has a schedule: the record takes its id
                // (reminders and the held session then name the same session) and its reason when it was moved.
                await db.EnsureWeeksAsync([pairing], request.HeldOn, request.HeldOn, ct);
                var scheduled = await db.ScheduledSessions
                    .FirstOrDefaultAsync(s => s.PairingId == id && s.On == request.HeldOn && !s.Skipped && s.HeldSessionId == null, ct);
                if (scheduled is null && await db.ScheduledSessions.AnyAsync(s => s.PairingId == id && s.On == request.HeldOn && s.Skipped, ct))
                {
                    throw new BusinessRuleViolation(new SkippedSessionIsNotHeldRule());
                }

                var now = time.GetUtcNow();
                if (scheduled is null && !string.IsNullOrWhiteSpace(request.MovedReason))
                {
                    // Held on another day of its week without being moved beforehand.
                    var week = TownCalendar.TuesdayOf(request.HeldOn);
                    scheduled = await db.ScheduledSessions
                        .FirstOrDefaultAsync(s => s.PairingId == id && s.WeekOf == week && !s.Skipped && s.HeldSessionId == null && s.On == week, ct);
                    scheduled?.HeldInstead(request.HeldOn, request.MovedReason, now);
                }

                var movedReason = string.IsNullOrWhiteSpace(request.MovedReason) && scheduled is { Moved: true } ? scheduled.ChangeReason : request.MovedReason;
                var attendance = request.Attendance.Select(a => new AttendanceEntry(a.MemberId, a.Status, a.Reason)).ToList();
                var session = StudySession.Hold(
                    scheduled?.Id ?? Guid.CreateVersion7(now), pairing, request.HeldOn, time.Today(), request.Topic, request.Material, request.Notes,
                    movedReason, attendance, eligible, now, scheduled?.Version ?? 0);
                session.HeldAt(position?.Id);
                db.StudySessions.Add(session);
                scheduled?.MarkHeld(session.Id, session.Topic);
                var count = attendance.CountBy(a => a.Status).ToDictionary();
                var response = new StudySessionResponse(session.Id, id, session.HeldOn, session.Topic,
                    count.GetValueOrDefault(AttendanceStatus.Present), count.GetValueOrDefault(AttendanceStatus.Excused), count.GetValueOrDefault(AttendanceStatus.Absent),
                    session.ServicePositionId);
                foreach (var entry in attendance)
                {
                    db.StudyAttendance.Add(new StudyAttendance { SessionId = session.Id, MemberId = entry.MemberId, Status = entry.Status, Reason = entry.Reason?.Trim() });
                }

                return (response, $"/organisation-pairings/{id}/study-sessions/{session.Id}");
            }, time);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "study_sessions" })
        {
            return Problems.Result(Problems.RuleBroken(new OneSessionPerDayRule()));
        }
    }

    private static async Task<Page<StudySessionResponse>> ListAsync(Guid id, PairingDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.StudySessions.AsNoTracking().Where(s => s.PairingId == id);
        var total = await query.CountAsync(ct);
        var sessions = await query.OrderByDescending(s => s.HeldOn).Skip(skip).Take(size).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var counts = await db.StudyAttendance.AsNoTracking().Where(a => ids.Contains(a.SessionId))
            .GroupBy(a => new { a.SessionId, a.Status }).Select(g => new { g.Key.SessionId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid session, AttendanceStatus status) => counts.FirstOrDefault(c => c.SessionId == session && c.Status == status)?.Count ?? 0;
        return new Page<StudySessionResponse>(
            sessions.Select(s => new StudySessionResponse(s.Id, s.PairingId, s.HeldOn, s.Topic,
                Count(s.Id, AttendanceStatus.Present), Count(s.Id, AttendanceStatus.Excused), Count(s.Id, AttendanceStatus.Absent), s.ServicePositionId)).ToList(),
            number, size, total);
    }

    private sealed record SkippedSessionIsNotHeldRule : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Code => "study-session.skipped";

        public string Field => "heldOn";

        public string MessageZh => "该日的学习已取消；如仍举行，请先将其调整到该日。";

        public string MessageEn => "That day's session was skipped; to hold it after all, move it to that day first.";
    }

    private sealed record OneSessionPerDayRule : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Code => "study-session.already-recorded";

        public string Field => "heldOn";

        public string MessageZh => "该结对当天的学习已经记录。";

        public string MessageEn => "A session of this group is already recorded for that day.";
    }
}
