using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Stationing;

public sealed record RecordStationingVisitRequest(DateOnly On, DateOnly? HeldOn, string? Notes, string RecordedBy, Guid? ServicePositionId = null) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (Notes is { Length: > StationingVisit.MaxNotesLength })
        {
            yield return new FieldError("notes", "field.too-long", $"此字段不能超过 {StationingVisit.MaxNotesLength} 个字符。", $"This field must be at most {StationingVisit.MaxNotesLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(RecordedBy) || RecordedBy.Trim().Length > StationingSchedule.MaxActorLength)
        {
            yield return new FieldError("recordedBy", "actor.invalid", $"请填写记录人（不超过 {StationingSchedule.MaxActorLength} 个字符）。", $"Say who records it (at most {StationingSchedule.MaxActorLength} characters).");
        }
    }
}

/// <summary>POST /stationing-schedules/{id}/visits: a visit recorded as made.</summary>
public static class RecordStationingVisit
{
    public static IEndpointRouteBuilder MapRecordStationingVisit(this IEndpointRouteBuilder api)
    {
        api.MapPost("/stationing-schedules/{id:guid}/visits", RecordVisitAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Schedule)
            .WithName("RecordStationingVisit").WithSummary("记录一次驻点 / Record a visit as made")
            .Accepts<RecordStationingVisitRequest>("application/json")
            .Produces<StationingVisitResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Results<Created<StationingVisitResponse>, IdempotentReplay, ProblemHttpResult>> RecordVisitAsync(
        Guid id, ValidatedBody<RecordStationingVisitRequest> body, PairingDbContext db, TimeProvider time, HttpContext http)
    {
        if (await db.StationingSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, http.RequestAborted) is not { } schedule)
        {
            return Problems.NotFound("驻点安排", "stationing schedule");
        }

        var request = body.Value;
        Rules.Check(new VisitMustBeScheduledRule(schedule, request.On));
        var position = await db.FindInUseAsync(request.ServicePositionId, "servicePositionId", http.RequestAborted);
        return await db.CreateOnceInTransactionAsync(http, $"stationing-visits.record:{id}", request, async ct =>
        {
            await db.EnsureVisitsAsync([schedule], request.On, request.On, ct);
            var visit = await db.StationingVisits
                .FromSql($"SELECT * FROM stationing_visits WHERE schedule_id = {id} AND on_date = {request.On} FOR UPDATE")
                .AsAsyncEnumerable().FirstAsync(ct);
            visit.Record(request.HeldOn ?? request.On, request.Notes, request.RecordedBy, time.Today(), time.GetUtcNow(),
                position is null ? null : new ServicePositionPlace(position.Id, position.Name));
            return (StationingVisitResponse.From(visit), $"/stationing-visits/{visit.Id}");
        }, time);
    }

    private sealed record VisitMustBeScheduledRule(StationingSchedule Schedule, DateOnly On) : IBusinessRule
    {
        public bool IsBroken() => !Schedule.VisitsOn(On);

        public string Code => "stationing-visit.not-scheduled";

        public string Field => "on";

        public string MessageZh => "该日不是此驻点安排中的星期二。";

        public string MessageEn => "That day is not a Tuesday of this stationing schedule.";
    }
}
