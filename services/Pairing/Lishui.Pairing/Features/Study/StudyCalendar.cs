using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Study;

public sealed record ScheduledStudySessionResponse(
    Guid Id,
    Guid PairingId,
    DateOnly WeekOf,
    DateOnly On,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Place,
    string? Topic,
    ScheduledSessionStatus Status,
    string? Reason,
    string? ChangedBy,
    Guid? HeldSessionId)
{
    public static ScheduledStudySessionResponse From(ScheduledStudySession s) =>
        new(s.Id, s.PairingId, s.WeekOf, s.On, TownCalendar.InTown(s.StartsAt), TownCalendar.InTown(s.EndsAt), s.Place, s.Topic, s.Status,
            s.ChangeReason, s.ChangedBy, s.HeldSessionId);
}

public sealed record SkipStudySessionRequest(string Reason, string ChangedBy) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate() => StudyCalendar.ReasonAndActor(Reason, ChangedBy);
}

public sealed record MoveStudySessionRequest(DateOnly Date, TimeOnly? Time, string? Place, string Reason, string ChangedBy) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        foreach (var error in StudyCalendar.ReasonAndActor(Reason, ChangedBy))
        {
            yield return error;
        }

        if (Place is { } place && (place.Trim().Length == 0 || place.Trim().Length > 200))
        {
            yield return new FieldError("place", "study.place-invalid", "学习地点不能为空，且不超过 200 个字符。", "The place must be given and at most 200 characters.");
        }
    }
}

public sealed record PlanTopicRequest(string? Topic) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (Topic is { Length: > StudySession.MaxTopicLength })
        {
            yield return new FieldError("topic", "field.too-long", $"此字段不能超过 {StudySession.MaxTopicLength} 个字符。", $"This field must be at most {StudySession.MaxTopicLength} characters.");
        }
    }
}

/// <summary>
/// The group's weekly Tuesday sessions: list a range, plan a week's topic, skip a week or move it
/// (holidays) with a reason. A move that collides is refused with 409.
/// </summary>
public static class StudyCalendar
{
    public const int MaxWeeks = 26;

    public static IEndpointRouteBuilder MapStudyCalendar(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organisation-pairings/{id:guid}/study-calendar", ListAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Pairing)
            .WithName("StudyCalendar").WithSummary("党建星期二日程 / The group's Tuesday sessions in a range of weeks");
        api.MapPut("/organisation-pairings/{id:guid}/study-calendar/{weekOf}/topic", PlanTopicAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Pairing)
            .WithName("PlanStudyTopic").WithSummary("设置某周学习议题 / Plan a week's topic")
            .Accepts<PlanTopicRequest>("application/json");
        api.MapPost("/organisation-pairings/{id:guid}/study-calendar/{weekOf}/skip", SkipAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Pairing)
            .WithName("SkipStudySession").WithSummary("取消某周学习（节假日）/ Skip a week's session")
            .Accepts<SkipStudySessionRequest>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/organisation-pairings/{id:guid}/study-calendar/{weekOf}/move", MoveAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Pairing)
            .WithName("MoveStudySession").WithSummary("调整某周学习时间（节假日）/ Move a week's session")
            .Accepts<MoveStudySessionRequest>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    internal static IEnumerable<FieldError> ReasonAndActor(string reason, string changedBy)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ScheduledStudySession.MaxReasonLength)
        {
            yield return new FieldError("reason", "study-calendar.reason-invalid", $"请说明原因（不超过 {ScheduledStudySession.MaxReasonLength} 个字符）。", $"Give the reason (at most {ScheduledStudySession.MaxReasonLength} characters).");
        }

        if (string.IsNullOrWhiteSpace(changedBy) || changedBy.Trim().Length > ScheduledStudySession.MaxActorLength)
        {
            yield return new FieldError("changedBy", "actor.invalid", $"请填写操作人（不超过 {ScheduledStudySession.MaxActorLength} 个字符）。", $"Say who makes the change (at most {ScheduledStudySession.MaxActorLength} characters).");
        }
    }

    private static async Task<Results<Ok<Page<ScheduledStudySessionResponse>>, ProblemHttpResult>> ListAsync(
        Guid id, DateOnly? from, DateOnly? to, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.OrganisationPairings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } pairing)
        {
            return Problems.NotFound("组织结对", "organisation pairing");
        }

        var first = TownCalendar.TuesdayOf(from ?? time.Today());
        var last = TownCalendar.TuesdayOf(to ?? first.AddDays(7 * 7));
        if (last < first || last.DayNumber - first.DayNumber > 7 * (MaxWeeks - 1))
        {
            throw new RequestValidationException([new FieldError("to", "study-calendar.range-invalid", $"查询范围应为 1 至 {MaxWeeks} 周。", $"The range must be 1 to {MaxWeeks} weeks.")]);
        }

        await db.EnsureWeeksAsync([pairing], first, last, ct);
        var sessions = await db.ScheduledSessions.AsNoTracking()
            .Where(s => s.PairingId == id && ((s.WeekOf >= first && s.WeekOf <= last) || (s.On >= first.AddDays(-1) && s.On <= last.AddDays(5))))
            .OrderBy(s => s.StartsAt)
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<ScheduledStudySessionResponse>(sessions.Select(ScheduledStudySessionResponse.From).ToList(), 1, sessions.Count, sessions.Count));
    }

    private static async Task<Results<Ok<ScheduledStudySessionResponse>, ProblemHttpResult>> PlanTopicAsync(
        Guid id, DateOnly weekOf, ValidatedBody<PlanTopicRequest> body, PairingDbContext db, CancellationToken ct) =>
        await ChangeAsync(id, weekOf, db, (session, _) =>
        {
            session.PlanTopic(body.Value.Topic);
            return Task.CompletedTask;
        }, ct);

    private static async Task<Results<Ok<ScheduledStudySessionResponse>, ProblemHttpResult>> SkipAsync(
        Guid id, DateOnly weekOf, ValidatedBody<SkipStudySessionRequest> body, PairingDbContext db, TimeProvider time, CancellationToken ct) =>
        await ChangeAsync(id, weekOf, db, (session, _) =>
        {
            session.Skip(body.Value.Reason, body.Value.ChangedBy, time.GetUtcNow());
            return Task.CompletedTask;
        }, ct);

    private static async Task<Results<Ok<ScheduledStudySessionResponse>, ProblemHttpResult>> MoveAsync(
        Guid id, DateOnly weekOf, ValidatedBody<MoveStudySessionRequest> body, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var request = body.Value;
        try
        {
            return await ChangeAsync(id, weekOf, db, async (session, pairing) =>
            {
                // The other sessions that day of every group sharing an organisation with this one.
                var related = await db.RelatedPairingsAsync(pairing, ct);
                await db.EnsureWeeksAsync(related, request.Date, request.Date, ct);
                var relatedIds = related.Select(p => p.Id).ToList();
                var (dayBefore, dayAfter) = (request.Date.AddDays(-1), request.Date.AddDays(1));
                var others = await db.ScheduledSessions.AsNoTracking()
                    .Where(s => relatedIds.Contains(s.PairingId) && !s.Skipped && s.On >= dayBefore && s.On <= dayAfter)
                    .Select(s => new CalendarSlot(s.Id, s.PairingId, s.StartsAt, s.EndsAt))
                    .ToListAsync(ct);

                // Sessions the group recorded without a calendar entry (before its schedule) hold their day too.
                var recorded = await db.StudySessions.AsNoTracking()
                    .Where(s => s.PairingId == pairing.Id && s.HeldOn == request.Date)
                    .Select(s => s.Id).ToListAsync(ct);
                others.AddRange(recorded.Select(r => new CalendarSlot(r, pairing.Id, TownCalendar.At(request.Date, TimeOnly.MinValue), TownCalendar.At(request.Date.AddDays(1), TimeOnly.MinValue))));

                session.MoveTo(request.Date, request.Time ?? TownCalendar.TimeOf(session.StartsAt), request.Place, request.Reason, request.ChangedBy, time.GetUtcNow(), others);
            }, ct);
        }
        catch (BusinessRuleViolation e) when (e.Rule.Code == MovedSessionMustNotCollideRule.RuleCode)
        {
            var problem = Problems.RuleBroken(e.Rule);
            problem.Status = StatusCodes.Status409Conflict;
            return Problems.Result(problem);
        }
    }

    /// <summary>Loads and locks the week's session (materialising it), applies the change, saves in one transaction.</summary>
    private static async Task<Results<Ok<ScheduledStudySessionResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, DateOnly weekOf, PairingDbContext db, Func<ScheduledStudySession, Domain.OrganisationPairing, Task> change, CancellationToken ct)
    {
        if (await db.OrganisationPairings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } pairing)
        {
            return Problems.NotFound("组织结对", "organisation pairing");
        }

        Rules.Check(new PairingMustBeActiveRule(pairing));
        Rules.Check(new WeekMustHaveAScheduledSessionRule(pairing, weekOf));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockOrganisationsAsync([pairing.OrganBranchId, pairing.VillageCommitteeId], ct);
        await db.EnsureWeeksAsync([pairing], weekOf, weekOf, ct);
        var session = (await db.LockWeekAsync(id, weekOf, ct))!;
        await change(session, pairing);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(ScheduledStudySessionResponse.From(session));
    }
}

public sealed record WeekMustHaveAScheduledSessionRule(Domain.OrganisationPairing Pairing, DateOnly WeekOf) : IBusinessRule
{
    public bool IsBroken() => WeekOf.DayOfWeek != DayOfWeek.Tuesday || !Pairing.StudiesInWeekOf(WeekOf);

    public string Code => WeekOf.DayOfWeek != DayOfWeek.Tuesday ? "study-calendar.not-tuesday" : "study-calendar.no-session";

    public string Field => "weekOf";

    public string MessageZh => WeekOf.DayOfWeek != DayOfWeek.Tuesday
        ? "请用该周星期二的日期指定学习周次。"
        : "该周没有排定的学习（未设置学习日程，或不在结对期内）。";

    public string MessageEn => WeekOf.DayOfWeek != DayOfWeek.Tuesday
        ? "Name the week by its Tuesday."
        : "No session is scheduled that week (no study schedule, or outside the pairing's period).";
}
