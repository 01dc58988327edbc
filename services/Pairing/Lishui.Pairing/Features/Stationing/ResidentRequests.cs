using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Stationing;

public sealed record RaiseResidentRequestRequest(
    Guid? HouseholdId,
    string? ResidentName,
    string? ContactPhone,
    string Subject,
    string Location,
    ResidentRequestCategory Category,
    string RecordedBy) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Subject) || Subject.Trim().Length > ResidentRequest.MaxSubjectLength)
        {
            yield return new FieldError("subject", "resident-request.subject-invalid", $"诉求内容不能为空，且不超过 {ResidentRequest.MaxSubjectLength} 个字符。", $"The subject must be given and at most {ResidentRequest.MaxSubjectLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(Location) || Location.Trim().Length > ResidentRequest.MaxLocationLength)
        {
            yield return new FieldError("location", "resident-request.location-invalid", $"诉求地点不能为空，且不超过 {ResidentRequest.MaxLocationLength} 个字符。", $"The location must be given and at most {ResidentRequest.MaxLocationLength} characters.");
        }

        if (ResidentName is { } name && name.Trim().Length > ResidentRequest.MaxNameLength)
        {
            yield return new FieldError("residentName", "field.too-long", $"此字段不能超过 {ResidentRequest.MaxNameLength} 个字符。", $"This field must be at most {ResidentRequest.MaxNameLength} characters.");
        }

        if (!string.IsNullOrWhiteSpace(ContactPhone) && MainlandMobile.Normalise(ContactPhone) is null)
        {
            yield return new FieldError("contactPhone", "resident-request.phone-invalid", "请填写有效的手机号码（11 位，以 13–19 开头）。", "Give a valid mainland mobile number (11 digits starting 13–19).");
        }

        if (string.IsNullOrWhiteSpace(RecordedBy) || RecordedBy.Trim().Length > StationingSchedule.MaxActorLength)
        {
            yield return new FieldError("recordedBy", "actor.invalid", $"请填写记录人（不超过 {StationingSchedule.MaxActorLength} 个字符）。", $"Say who records it (at most {StationingSchedule.MaxActorLength} characters).");
        }
    }
}

/// <summary>A request as anyone may read it: the requester's phone is never in it, only whether one is held.</summary>
public sealed record ResidentRequestResponse(
    Guid Id,
    string ReferenceNumber,
    Guid StationingVisitId,
    Guid VillageCommitteeId,
    Guid StationedLeaderMemberId,
    DateOnly RaisedOn,
    Guid? RaisedByHouseholdId,
    string? RaisedByName,
    string Subject,
    string Location,
    ResidentRequestCategory Category,
    bool ContactHeld,
    string RecordedBy)
{
    public static ResidentRequestResponse From(ResidentRequest r) =>
        new(r.Id, r.ReferenceNumber, r.StationingVisitId, r.VillageCommitteeId, r.StationedLeaderMemberId, r.RaisedOn, r.RaisedByHouseholdId,
            r.RaisedByName, r.Subject, r.Location, r.Category, r.ContactHeld, r.RecordedBy);
}

/// <summary>
/// 群众诉求 received at a stationing visit: POST /stationing-visits/{id}/resident-requests records one
/// under a new reference number (ZD2026-00017) and publishes ResidentRequestRaised for PracticalProjects;
/// GET /resident-requests[/{id}] reads them (paged, filtered).
/// </summary>
public static class ResidentRequests
{
    public static IEndpointRouteBuilder MapResidentRequests(this IEndpointRouteBuilder api)
    {
        // Resident requests raised at a visit lie in its village.
        api.MapPost("/stationing-visits/{id:guid}/resident-requests", RaiseAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Visit)
            .WithName("RaiseResidentRequest").WithSummary("登记驻点收到的群众诉求 / Record a resident's request raised at a visit")
            .Accepts<RaiseResidentRequestRequest>("application/json")
            .Produces<ResidentRequestResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/resident-requests", ListAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.VillageInQuery).WithName("ListResidentRequests").WithSummary("群众诉求 / Resident requests");
        api.MapGet("/resident-requests/{id:guid}", GetAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Request).WithName("GetResidentRequest").WithSummary("群众诉求详情 / A resident request");
        return api;
    }

    private static async Task<Results<Created<ResidentRequestResponse>, IdempotentReplay, ProblemHttpResult>> RaiseAsync(
        Guid id, ValidatedBody<RaiseResidentRequestRequest> body, PairingDbContext db, TimeProvider time, HttpContext http)
    {
        if (!await db.StationingVisits.AnyAsync(v => v.Id == id, http.RequestAborted))
        {
            return Problems.NotFound("驻点", "stationing visit");
        }

        var request = body.Value;
        return await db.CreateOnceInTransactionAsync(http, $"resident-requests.raise:{id}", request, async ct =>
        {
            var visit = await db.StationingVisits.AsNoTracking().FirstAsync(v => v.Id == id, ct);
            var year = (visit.HeldOn ?? visit.On).Year;
            var number = await NextNumberAsync(db, year, ct);
            var now = time.GetUtcNow();
            var phone = MainlandMobile.Normalise(request.ContactPhone);
            var raised = ResidentRequest.Raise(Guid.CreateVersion7(now), visit, number, request.HouseholdId, request.ResidentName, phone is not null,
                request.Subject, request.Location, request.Category, request.RecordedBy, time.Today(), now);
            db.ResidentRequests.Add(raised);
            if (phone is not null)
            {
                db.ResidentRequestContacts.Add(new ResidentRequestContact { RequestId = raised.Id, Name = raised.RaisedByName, Phone = phone });
            }

            return (ResidentRequestResponse.From(raised), $"/resident-requests/{raised.Id}");
        }, time);
    }

    /// <summary>
    /// The year's next number. The counter row is locked by the upsert until the transaction ends,
    /// so concurrent requests queue for it and numbers run without gaps (a rollback gives its number back).
    /// </summary>
    private static async Task<int> NextNumberAsync(PairingDbContext db, int year, CancellationToken ct) =>
        (await db.Database.SqlQuery<int>(
            $"""
            INSERT INTO resident_request_counters (year, last_number) VALUES ({year}, 1)
            ON CONFLICT (year) DO UPDATE SET last_number = resident_request_counters.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(ct)).Single();

    private static async Task<Page<ResidentRequestResponse>> ListAsync(
        PairingDbContext db, Guid? villageCommitteeId, Guid? stationingVisitId, ResidentRequestCategory? category, int? year, string? reference,
        int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.ResidentRequests.AsNoTracking();
        if (villageCommitteeId is { } village)
        {
            query = query.Where(r => r.VillageCommitteeId == village);
        }

        if (stationingVisitId is { } visit)
        {
            query = query.Where(r => r.StationingVisitId == visit);
        }

        if (category is { } c)
        {
            query = query.Where(r => r.Category == c);
        }

        if (year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        if (!string.IsNullOrWhiteSpace(reference))
        {
            var wanted = reference.Trim().ToUpperInvariant();
            query = query.Where(r => r.ReferenceNumber == wanted);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.Year).ThenByDescending(r => r.Number).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<ResidentRequestResponse>(items.Select(ResidentRequestResponse.From).ToList(), number, size, total);
    }

    private static async Task<Results<Ok<ResidentRequestResponse>, ProblemHttpResult>> GetAsync(Guid id, PairingDbContext db, CancellationToken ct) =>
        await db.ResidentRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } request
            ? TypedResults.Ok(ResidentRequestResponse.From(request))
            : Problems.NotFound("群众诉求", "resident request");
}
