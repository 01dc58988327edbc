using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Pairing.Web;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Study;

public sealed record StudyScheduleRequest(TimeOnly Time, string Place, int? DurationMinutes, DateOnly? StartsOn) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Place) || Place.Trim().Length > 200)
        {
            yield return new FieldError("place", "study.place-invalid", "学习地点不能为空，且不超过 200 个字符。", "The place must be given and at most 200 characters.");
        }

        if (DurationMinutes is < 15 or > 480)
        {
            yield return new FieldError("durationMinutes", "study.duration-invalid", "学习时长应为 15 至 480 分钟。", "The duration must be 15 to 480 minutes.");
        }
    }
}

/// <summary>
/// PUT /organisation-pairings/{id}/study-schedule: the group's weekly Tuesday study time, place and
/// length, from a date on (default today). The coming weeks are put on the calendar; sessions
/// still at their regular slot follow a change, skipped or moved ones keep what was decided.
/// </summary>
public static class StudySchedule
{
    /// <summary>How many weeks ahead the calendar is written when the schedule is set.</summary>
    public const int HorizonWeeks = 8;

    public static RouteHandlerBuilder MapStudySchedule(this IEndpointRouteBuilder api) =>
        api.MapPut("/organisation-pairings/{id:guid}/study-schedule", HandleAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Pairing)
            .WithName("SetStudySchedule").WithSummary("设置党建星期二学习时间地点 / Set the Tuesday study time and place")
            .Accepts<StudyScheduleRequest>("application/json")
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<Results<Ok<OrganisationPairingResponse>, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<StudyScheduleRequest> body, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.OrganisationPairings.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } pairing)
        {
            return Problems.NotFound("组织结对", "organisation pairing");
        }

        var request = body.Value;
        var now = time.GetUtcNow();
        var today = time.Today();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockOrganisationsAsync([pairing.OrganBranchId, pairing.VillageCommitteeId], ct);
        pairing.ScheduleStudy(request.Time, request.Place, request.DurationMinutes, request.StartsOn ?? today);

        var related = (await db.RelatedPairingsAsync(pairing, ct)).Where(p => p.Id != id).ToList();
        if (related.FirstOrDefault(other => RegularSlotsOverlap(pairing, other)) is { } clash)
        {
            var problem = Problems.RuleBroken(new RegularSlotMustNotCollideRule(clash));
            problem.Status = StatusCodes.Status409Conflict;
            return Problems.Result(problem);
        }

        var duration = pairing.StudyDurationMinutes!.Value;
        var upcoming = await db.ScheduledSessions.Where(s => s.PairingId == id && s.StartsAt > now).ToListAsync(ct);
        foreach (var session in upcoming)
        {
            if (session.WeekOf < pairing.StudyFrom && session.Status == ScheduledSessionStatus.Scheduled)
            {
                db.ScheduledSessions.Remove(session); // the schedule now starts later
            }
            else
            {
                session.FollowSchedule(pairing.StudyTime!.Value, duration, pairing.StudyPlace!);
            }
        }

        await db.SaveChangesAsync(ct);
        var from = today > pairing.StudyFrom!.Value ? today : pairing.StudyFrom.Value;
        await db.EnsureWeeksAsync([pairing], from, from.AddDays(7 * (HorizonWeeks - 1)), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(OrganisationPairingResponse.From(pairing));
    }

    /// <summary>Two groups sharing an organisation must not meet at overlapping times on Tuesdays they both run.</summary>
    private static bool RegularSlotsOverlap(OrganisationPairing pairing, OrganisationPairing other)
    {
        if (!other.HasStudySchedule || other.IsEnded || other.StudyFrom is not { } otherFrom)
        {
            return false;
        }

        var periodsOverlap = pairing.StudyFrom!.Value <= other.LastDay && otherFrom <= pairing.LastDay;
        var start = pairing.StudyTime!.Value.ToTimeSpan();
        var end = start + TimeSpan.FromMinutes(pairing.StudyDurationMinutes!.Value);
        var otherStart = other.StudyTime!.Value.ToTimeSpan();
        var otherEnd = otherStart + TimeSpan.FromMinutes(other.StudyDurationMinutes ?? OrganisationPairing.DefaultStudyDurationMinutes);
        return periodsOverlap && start < otherEnd && otherStart < end;
    }

    private sealed record RegularSlotMustNotCollideRule(OrganisationPairing Other) : IBusinessRule
    {
        public bool IsBroken() => true;

        public string Code => "study-schedule.collides";

        public string Field => "time";

        public string MessageZh => $"与同一组织参加的另一结对学习（每周二 {Other.StudyTime:HH\\:mm}，{Other.StudyPlace}）时间重叠。";

        public string MessageEn => $"Overlaps the weekly study of another group sharing an organisation (Tuesdays {Other.StudyTime:HH\\:mm}, {Other.StudyPlace}).";
    }
}
