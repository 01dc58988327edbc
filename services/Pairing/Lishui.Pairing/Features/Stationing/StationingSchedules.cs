using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Features.ServicePositions;
using Lishui.Shared.Domain;
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

public sealed record EndStationingScheduleRequest(DateOnly EndsOn);

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

public sealed record StationingScheduleResponse(
    Guid Id,
    Guid LeaderMemberId,
    Guid VillageCommitteeId,
    DateOnly StartsOn,
    DateOnly? EndsOn,
    TimeOnly StartTime,
    TimeOnly EndTime,
    string Place,
    string CreatedBy,
    Guid? ServicePositionId)
{
    public static StationingScheduleResponse From(StationingSchedule s) =>
        new(s.Id, s.LeaderMemberId, s.VillageCommitteeId, s.StartsOn, s.EndsOn, s.StartTime, s.EndTime, s.Place, s.CreatedBy, s.ServicePositionId);
}

public sealed record StationingVisitResponse(
    Guid Id,
    Guid ScheduleId,
    Guid LeaderMemberId,
    Guid VillageCommitteeId,
    DateOnly On,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Place,
    bool Held,
    DateOnly? HeldOn,
    string? Notes,
    string? RecordedBy,
    Guid? ServicePositionId)
{
    public static StationingVisitResponse From(StationingVisit v) =>
        new(v.Id, v.ScheduleId, v.LeaderMemberId, v.VillageCommitteeId, v.On, TownCalendar.InTown(v.StartsAt), TownCalendar.InTown(v.EndsAt),
            v.Place, v.IsHeld, v.HeldOn, v.Notes, v.RecordedBy, v.ServicePositionId);
}

/// <summary>
/// 驻点: schedules of town leaders stationed in villages on Tuesday afternoons, and each visit.
/// POST /stationing-schedules, GET /stationing-schedules[/{id}], POST /stationing-schedules/{id}/end,
/// GET|POST /stationing-schedules/{id}/visits, GET /stationing-visits/{id}.
/// </summary>
public static class StationingSchedules
{
    public const int HorizonWeeks = 8;

    public static IEndpointRouteBuilder MapStationingSchedules(this IEndpointRouteBuilder api)
    {
        api.MapPost("/stationing-schedules", CreateAsync)
            .WithName("CreateStationingSchedule").WithSummary("安排驻点 / Station a town leader in a village on Tuesday afternoons")
            .Accepts<CreateStationingScheduleRequest>("application/json")
            .Produces<StationingScheduleResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/stationing-schedules", ListAsync).WithName("ListStationingSchedules").WithSummary("驻点安排 / Stationing schedules");
        api.MapGet("/stationing-schedules/{id:guid}", GetAsync).WithName("GetStationingSchedule").WithSummary("驻点安排详情 / A stationing schedule");
        api.MapPost("/stationing-schedules/{id:guid}/end", EndAsync).WithName("EndStationingSchedule").WithSummary("结束驻点 / End a stationing schedule")
            .Accepts<EndStationingScheduleRequest>("application/json");
        api.MapGet("/stationing-schedules/{id:guid}/visits", VisitsAsync).WithName("ListStationingVisits").WithSummary("驻点记录 / Visits of a schedule");
        api.MapPost("/stationing-schedules/{id:guid}/visits", RecordVisitAsync)
            .WithName("RecordStationingVisit").WithSummary("记录一次驻点 / Record a visit as made")
            .Accepts<RecordStationingVisitRequest>("application/json")
            .Produces<StationingVisitResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/stationing-visits/{id:guid}", GetVisitAsync).WithName("GetStationingVisit").WithSummary("驻点详情 / A stationing visit");
        return api;
    }

    private static async Task<IResult> CreateAsync(ValidatedBody<CreateStationingScheduleRequest> body, PairingDbContext db, TimeProvider time, HttpContext http)
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
            await db.EnsureVisitsAsync([schedule], from, from.AddDays(7 * (HorizonWeeks - 1)), ct);
            return (StationingScheduleResponse.From(schedule), $"/stationing-schedules/{schedule.Id}");
        }, time);
    }

    private static TimeOnly Min(TimeOnly a, TimeOnly b) => a < b ? a : b;

    private static async Task<Page<StationingScheduleResponse>> ListAsync(
        PairingDbContext db, Guid? leaderMemberId, Guid? villageCommitteeId, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.StationingSchedules.AsNoTracking();
        if (leaderMemberId is { } leader)
        {
            query = query.Where(s => s.LeaderMemberId == leader);
        }

        if (villageCommitteeId is { } village)
        {
            query = query.Where(s => s.VillageCommitteeId == village);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(s => s.StartsOn).ThenBy(s => s.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<StationingScheduleResponse>(items.Select(StationingScheduleResponse.From).ToList(), number, size, total);
    }

    private static async Task<Results<Ok<StationingScheduleResponse>, ProblemHttpResult>> GetAsync(Guid id, PairingDbContext db, CancellationToken ct) =>
        await db.StationingSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } schedule
            ? TypedResults.Ok(StationingScheduleResponse.From(schedule))
            : Problems.NotFound("驻点安排", "stationing schedule");

    private static async Task<Results<Ok<StationingScheduleResponse>, ProblemHttpResult>> EndAsync(
        Guid id, ValidatedBody<EndStationingScheduleRequest> body, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.StationingSchedules.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } schedule)
        {
            return Problems.NotFound("驻点安排", "stationing schedule");
        }

        schedule.End(body.Value.EndsOn);

        // Visits after the end are no longer due; those already made stay on record.
        var endsOn = body.Value.EndsOn;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.StationingVisits.Where(v => v.ScheduleId == id && v.On > endsOn && v.HeldOn == null).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(StationingScheduleResponse.From(schedule));
    }

    private static async Task<Results<Ok<Page<StationingVisitResponse>>, ProblemHttpResult>> VisitsAsync(
        Guid id, DateOnly? from, DateOnly? to, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.StationingSchedules.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is not { } schedule)
        {
            return Problems.NotFound("驻点安排", "stationing schedule");
        }

        var first = TownCalendar.TuesdayOf(from ?? time.Today());
        var last = TownCalendar.TuesdayOf(to ?? first.AddDays(7 * 7));
        if (last < first || last.DayNumber - first.DayNumber > 7 * 51)
        {
            throw new RequestValidationException([new FieldError("to", "stationing.range-invalid", "查询范围应为 1 至 52 周。", "The range must be 1 to 52 weeks.")]);
        }

        await db.EnsureVisitsAsync([schedule], first, last, ct);
        var visits = await db.StationingVisits.AsNoTracking()
            .Where(v => v.ScheduleId == id && v.On >= first && v.On <= last)
            .OrderBy(v => v.On).ToListAsync(ct);
        return TypedResults.Ok(new Page<StationingVisitResponse>(visits.Select(StationingVisitResponse.From).ToList(), 1, visits.Count, visits.Count));
    }

    private static async Task<IResult> RecordVisitAsync(
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

    private static async Task<Results<Ok<StationingVisitResponse>, ProblemHttpResult>> GetVisitAsync(Guid id, PairingDbContext db, CancellationToken ct) =>
        await db.StationingVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct) is { } visit
            ? TypedResults.Ok(StationingVisitResponse.From(visit))
            : Problems.NotFound("驻点", "stationing visit");

    private sealed record VisitMustBeScheduledRule(StationingSchedule Schedule, DateOnly On) : IBusinessRule
    {
        public bool IsBroken() => !Schedule.VisitsOn(On);

        public string Code => "stationing-visit.not-scheduled";

        public string Field => "on";

        public string MessageZh => "该日不是此驻点安排中的星期二。";

        public string MessageEn => "That day is not a Tuesday of this stationing schedule.";
    }
}
