using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Stationing;

public sealed record CreateStationingScheduleRequest(
    Guid LeaderMemberId,
    Guid VillageCommitteeId,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    TimeOnly StartTime,
    TimeOnly? EndTime,
    string Place,
    string CreatedBy,
    Guid? ServicePositionId = null) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Place) || Place.Trim().Length > StationingSchedule.MaxPlaceLength)
        {
            yield return new FieldError("place", "stationing.place-invalid", $"驻点地点不能为空，且不超过 {StationingSchedule.MaxPlaceLength} 个字符。", $"The place must be given and at most {StationingSchedule.MaxPlaceLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(CreatedBy) || CreatedBy.Trim().Length > StationingSchedule.MaxActorLength)
        {
            yield return new FieldError("createdBy", "actor.invalid", $"请填写操作人（不超过 {StationingSchedule.MaxActorLength} 个字符）。", $"Say who makes the change (at most {StationingSchedule.MaxActorLength} characters).");
        }
    }
}

/// <summary>POST /stationing-schedules: a town leader is stationed in a village on Tuesday afternoons; the first weeks' visits are laid out.</summary>
public static class CreateStationingSchedule
{
    public static IEndpointRouteBuilder MapCreateStationingSchedule(this IEndpointRouteBuilder api)
    {
        // Stationing: the town stations its leaders; the village's secretaries follow the visits.
        api.MapPost("/stationing-schedules", CreateAsync).RequireAccess(PairingAccess.TownOnly)
            .WithName("CreateStationingSchedule").WithSummary("安排驻点 / Station a town leader in a village on Tuesday afternoons")
            .Accepts<CreateStationingScheduleRequest>("application/json")
            .Produces<StationingScheduleResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<Results<Created<StationingScheduleResponse>, IdempotentReplay, ProblemHttpResult>> CreateAsync(ValidatedBody<CreateStationingScheduleRequest> body, PairingDbContext db, TimeProvider time, HttpContext http)
    {
        var request = body.Value;
        var position = await db.FindInUseAsync(request.ServicePositionId, "servicePositionId", http.RequestAborted);
        return await db.CreateOnceInTransactionAsync(http, "stationing-schedules.create", request, async ct =>
        {
            // One leader, one village per Tuesday afternoon: concurrent schedules of a leader queue here.
            var key = $"stationing-leader:{request.LeaderMemberId}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
            var leader = await db.Members.AsNoTracking().Where(m => m.MemberId == request.LeaderMemberId)
                             .Select(m => new StationedLeader(m.MemberId, m.Name, m.Status)).FirstOrDefaultAsync(ct)
                         ?? new StationedLeader(request.LeaderMemberId, null, null);
            var village = await db.Organisations.AsNoTracking().Where(o => o.OrganisationId == request.VillageCommitteeId)
                              .Select(o => new PairedOrganisation(o.OrganisationId, o.Name, o.Closed)).FirstOrDefaultAsync(ct)
                          ?? new PairedOrganisation(request.VillageCommitteeId, null, false);
            var others = await db.StationingSchedules.AsNoTracking().Where(s => s.LeaderMemberId == request.LeaderMemberId).ToListAsync(ct);
            var endTime = request.EndTime ?? Min(request.StartTime.AddHours(3), StationingSchedule.AfternoonUntil);
            var now = time.GetUtcNow();
            var schedule = StationingSchedule.Create(Guid.CreateVersion7(now), leader, village, request.StartsOn, request.EndsOn,
                request.StartTime, endTime, request.Place, request.CreatedBy, others, now);
            schedule.ReceivesAt(position?.Id);
            db.StationingSchedules.Add(schedule);
            await db.SaveChangesAsync(ct);
            var from = time.Today() > schedule.StartsOn ? time.Today() : schedule.StartsOn;
            await db.EnsureVisitsAsync([schedule], from, from.AddDays(7 * (StationingSchedules.HorizonWeeks - 1)), ct);
            return (StationingScheduleResponse.From(schedule), $"/stationing-schedules/{schedule.Id}");
        }, time);
    }

    private static TimeOnly Min(TimeOnly a, TimeOnly b) => a < b ? a : b;
}
