using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Pairing.Web;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lishui.Pairing.Features.PartyMassGroups;

public sealed record RecordDiscussionRequest(
    DateOnly HeldOn,
    string Topic,
    string? Place,
    Guid? ServicePositionId,
    string Minutes,
    IReadOnlyList<AttendanceRequest> Attendance) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Topic) || Topic.Trim().Length > PartyMassDiscussion.MaxTopicLength)
        {
            yield return new FieldError("topic", "party-mass-discussion.topic-invalid", $"讨论议题不能为空，且不超过 {PartyMassDiscussion.MaxTopicLength} 个字符。", $"The topic must be given and at most {PartyMassDiscussion.MaxTopicLength} characters.");
        }

        if (ServicePositionId is null && string.IsNullOrWhiteSpace(Place))
        {
            yield return new FieldError("place", "party-mass-discussion.place-required", "请填写讨论地点或选择党群服务阵地。", "Give the place or choose a service position.");
        }

        if (Place is { } place && place.Trim().Length > PartyMassDiscussion.MaxPlaceLength)
        {
            yield return new FieldError("place", "field.too-long", $"此字段不能超过 {PartyMassDiscussion.MaxPlaceLength} 个字符。", $"This field must be at most {PartyMassDiscussion.MaxPlaceLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(Minutes) || Minutes.Trim().Length > PartyMassDiscussion.MaxMinutesLength)
        {
            yield return new FieldError("minutes", "party-mass-discussion.minutes-invalid", $"会议记录不能为空，且不超过 {PartyMassDiscussion.MaxMinutesLength} 个字符。", $"The minutes must be given and at most {PartyMassDiscussion.MaxMinutesLength} characters.");
        }

        if (Attendance is not { Count: > 0 })
        {
            yield return new FieldError("attendance", "party-mass-discussion.attendance-required", "请记录小组党员的出席情况。", "Record the attendance of the group's members.");
            yield break;
        }

        for (var i = 0; i < Attendance.Count; i++)
        {
            if (Attendance[i] is null)
            {
                yield return new FieldError($"attendance[{i}]", "field.required", "此项为必填项。", "This entry is required.");
            }
            else if (Attendance[i].Reason is { Length: > StudySession.MaxTopicLength })
            {
                yield return new FieldError($"attendance[{i}].reason", "field.too-long", $"此字段不能超过 {StudySession.MaxTopicLength} 个字符。", $"This field must be at most {StudySession.MaxTopicLength} characters.");
            }
        }
    }
}

public sealed record DiscussionResponse(
    Guid Id,
    Guid GroupId,
    string? GroupName,
    string Month,
    DateOnly HeldOn,
    string Topic,
    string Place,
    Guid? ServicePositionId,
    int Present,
    int Excused,
    int Absent);

/// <summary>
/// POST /party-mass-groups/{id}/discussions: record a party–mass group's monthly discussion with its
/// attendance and minutes (one per group and month); publishes PartyMassDiscussionHeld and one
/// PartyMassDiscussionAttendanceRecorded per member, which Assessment scores as organisational life.
/// </summary>
public static class RecordDiscussion
{
    public static RouteHandlerBuilder MapRecordDiscussion(this IEndpointRouteBuilder api) =>
        // Party–mass groups' monthly discussions: recorded and read by the group's secretaries up the tree.
        api.MapPost("/party-mass-groups/{id:guid}/discussions", HandleAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Group)
            .WithName("RecordPartyMassDiscussion").WithSummary("记录党群小组每月讨论及出席 / Record a party–mass group's monthly discussion")
            .Accepts<RecordDiscussionRequest>("application/json")
            .Produces<DiscussionResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<DiscussionResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<RecordDiscussionRequest> body, PairingDbContext db, TimeProvider time, HttpContext http)
    {
        if (await db.Organisations.AsNoTracking().Where(o => o.OrganisationId == id)
                .Select(o => new DiscussionGroup(o.OrganisationId, o.Name, o.Kind, o.Closed)).FirstOrDefaultAsync(http.RequestAborted) is not { } group)
        {
            return Problems.NotFound("党群小组", "party–mass group");
        }

        var request = body.Value;
        var position = await db.FindInUseAsync(request.ServicePositionId, "servicePositionId", http.RequestAborted);
        var month = PartyMassDiscussion.MonthOf(request.HeldOn);
        try
        {
            return await db.CreateOnceInTransactionAsync(http, $"party-mass-discussions.record:{id}", request, async ct =>
            {
                // One per group and month: concurrent records of a group queue here, the second is refused.
                var key = $"party-mass-discussion:{id}";
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
                if (await db.Discussions.AnyAsync(d => d.GroupId == id && d.Month == month, ct))
                {
                    throw new BusinessRuleViolation(new OneDiscussionPerGroupAndMonthRule(month));
                }

                var members = await db.Members.AsNoTracking().Where(m => m.OrganisationId == id).Select(m => new { m.MemberId, m.Status }).ToListAsync(ct);
                var eligible = members.Where(m => new PairingCandidate(m.MemberId, m.Status).IsEligible).Select(m => m.MemberId).ToHashSet();
                var attendance = request.Attendance.Select(a => new AttendanceEntry(a.MemberId, a.Status, a.Reason)).ToList();
                var now = time.GetUtcNow();
                var place = string.IsNullOrWhiteSpace(request.Place) ? position!.Name : request.Place;
                var discussion = PartyMassDiscussion.Hold(Guid.CreateVersion7(now), group, request.HeldOn, time.Today(), request.Topic, place,
                    position?.Id, request.Minutes, attendance, eligible, now);
                db.Discussions.Add(discussion);
                var count = attendance.CountBy(a => a.Status).ToDictionary();
                var response = new DiscussionResponse(discussion.Id, id, group.Name, discussion.Month.ToString("yyyy-MM"), discussion.HeldOn, discussion.Topic,
                    discussion.Place, discussion.ServicePositionId, count.GetValueOrDefault(AttendanceStatus.Present),
                    count.GetValueOrDefault(AttendanceStatus.Excused), count.GetValueOrDefault(AttendanceStatus.Absent));
                foreach (var entry in attendance)
                {
                    db.DiscussionAttendance.Add(new DiscussionAttendance { DiscussionId = discussion.Id, MemberId = entry.MemberId, Status = entry.Status, Reason = entry.Reason?.Trim() });
                }

                return (response, $"/party-mass-discussions/{discussion.Id}");
            }, time);
        }
        catch (BusinessRuleViolation e) when (e.Rule is OneDiscussionPerGroupAndMonthRule)
        {
            return Conflict(e.Rule);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "party_mass_discussions" })
        {
            return Conflict(new OneDiscussionPerGroupAndMonthRule(month));
        }
    }

    private static ProblemHttpResult Conflict(IBusinessRule rule)
    {
        var problem = Problems.RuleBroken(rule);
        problem.Status = StatusCodes.Status409Conflict;
        return Problems.Result(problem);
    }
}
