using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Stationing;

/// <summary>The requester's contact, for whoever must reach them (Notification, to tell them the answer).</summary>
public sealed record ResidentContactResponse(Guid RequestId, string? Name, string Phone);

public sealed record ResidentContactReadResponse(Guid Id, Guid RequestId, string RequestedBy, string Purpose, DateTimeOffset ReadAt, bool ContactHeld);

/// <summary>
/// GET /resident-requests/{id}/contact?purpose=…: the only way to the requester's
/// phone. Every read is written to the access log (who from the token, why, when) before the contact is handed
/// out; GET /resident-requests/{id}/contact-reads lists that log.
/// </summary>
public static class ResidentContact
{
    public static IEndpointRouteBuilder MapResidentContact(this IEndpointRouteBuilder api)
    {
        // Also read by Notification (service identity) at delivery time; every read is logged here.
        api.MapGet("/resident-requests/{id:guid}/contact", ReadAsync).RequireAccess(PairingAccess.ContactRead, PairingAccess.Request)
            .WithName("ReadResidentContact").WithSummary("查阅诉求人联系方式（留痕）/ Read the requester's contact (logged)")
            .Produces<ResidentContactResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/resident-requests/{id:guid}/contact-reads", ReadsAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Request)
            .WithName("ResidentContactReads").WithSummary("联系方式查阅记录 / Who read the requester's contact");
        return api;
    }

    private static async Task<Results<Ok<ResidentContactResponse>, ProblemHttpResult>> ReadAsync(
        Guid id, string? purpose, PairingDbContext db, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        // Who reads is the token's caller (the client id for a service), never what the request claims;
        // the old X-Requested-By header is still accepted and ignored.
        var reader = Caller.From(http.User).Name;
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > ResidentContactRead.MaxPurposeLength)
        {
            errors.Add(new FieldError("purpose", "contact.purpose-required", $"请说明查阅目的（不超过 {ResidentContactRead.MaxPurposeLength} 个字符）。", $"Give the purpose of the read (at most {ResidentContactRead.MaxPurposeLength} characters)."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        if (!await db.ResidentRequests.AnyAsync(r => r.Id == id, ct))
        {
            return Problems.NotFound("群众诉求", "resident request");
        }

        var contact = await db.ResidentRequestContacts.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == id, ct);
        var now = time.GetUtcNow();
        db.ResidentContactReads.Add(new ResidentContactRead
        {
            Id = Guid.CreateVersion7(now),
            RequestId = id,
            RequestedBy = reader.Length > StationingSchedule.MaxActorLength ? reader[..StationingSchedule.MaxActorLength] : reader,
            Purpose = purpose!.Trim(),
            ReadAt = now,
            ContactHeld = contact is not null,
        });
        await db.SaveChangesAsync(ct); // logged before anything is handed out
        if (contact is null)
        {
            return Problems.Result(Problems.Create(StatusCodes.Status404NotFound, "resident-request.no-contact",
                "诉求人未留联系方式。", "The requester left no contact."));
        }

        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new ResidentContactResponse(id, contact.Name, contact.Phone));
    }

    private static async Task<Page<ResidentContactReadResponse>> ReadsAsync(Guid id, PairingDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.ResidentContactReads.AsNoTracking().Where(r => r.RequestId == id);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.ReadAt).ThenBy(r => r.Id).Skip(skip).Take(size)
            .Select(r => new ResidentContactReadResponse(r.Id, r.RequestId, r.RequestedBy, r.Purpose, r.ReadAt, r.ContactHeld))
            .ToListAsync(ct);
        return new Page<ResidentContactReadResponse>(items, number, size, total);
    }
}
