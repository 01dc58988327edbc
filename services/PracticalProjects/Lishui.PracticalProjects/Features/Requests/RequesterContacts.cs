using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Requests;

public sealed record RequesterContactResponse(Guid RequestId, string Name, string Phone);

public sealed record ContactAccessResponse(Guid RequestId, string Purpose, string RequestedBy, DateTimeOffset At);

/// <summary>
/// GET /resident-requests/{id}/contact?purpose=…: the only way to read a requester's contact held here
/// (Notification calls it with its service identity to tell the requester). Every read is logged under the
/// token's caller; an <c>X-Requested-By</c> header older clients still send is not trusted.
/// </summary>
public static class RequesterContacts
{
    public static IEndpointRouteBuilder MapRequesterContacts(this IEndpointRouteBuilder api)
    {
        // A requester's clear phone: Notification (service scope) to tell them the answer; every read logged.
        api.MapGet("/resident-requests/{id:guid}/contact", ReadAsync).RequireAccess(PracticalProjectsAccess.ContactRead).WithName("ReadRequesterContact")
            .WithSummary("读取诉求人联系方式（须说明用途，留痕）/ Read the requester's contact (purpose required, logged)");
        api.MapGet("/resident-requests/{id:guid}/contact-access-log", AccessLogAsync).RequireAccess(PracticalProjectsAccess.ReadSubtree, PracticalProjectsAccess.RequestInRoute).WithName("ContactAccessLog")
            .WithSummary("联系方式查阅记录 / Who read the contact, why, when");
        return api;
    }

    private static async Task<Results<Ok<RequesterContactResponse>, ProblemHttpResult>> ReadAsync(
        Guid id, string? purpose, HttpContext http, ProjectsDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > 200)
        {
            return Problems.Result(Problems.Validation([new FieldError("purpose", "contact.purpose-required",
                "须说明查阅用途（不超过 200 个字符）。", "A purpose (at most 200 characters) is required.")]));
        }

        if (!await db.ResidentRequests.AnyAsync(r => r.Id == new ResidentRequestId(id), ct))
        {
            return Problems.NotFound("诉求", "resident request");
        }

        if (await db.RequesterContacts.AsNoTracking().FirstOrDefaultAsync(c => c.RequestId == id, ct) is not { } contact)
        {
            return Problems.Result(Problems.Create(StatusCodes.Status404NotFound, "contact.not-held-here",
                "本服务未保存该诉求人的联系方式（驻点诉求由结对服务保存）。", "No contact is held here for this request (stationing-visit requests: Pairing holds it)."));
        }

        // The read and its log entry commit together: no contact leaves without a trace.
        db.ContactAccessLog.Add(new ContactAccess { RequestId = id, Purpose = purpose!.Trim(), RequestedBy = Caller.From(http.User).Name, At = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RequesterContactResponse(id, contact.Name, contact.Phone));
    }

    private static async Task<Page<ContactAccessResponse>> AccessLogAsync(Guid id, ProjectsDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.ContactAccessLog.AsNoTracking().Where(a => a.RequestId == id);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.Id).Skip(skip).Take(size)
            .Select(a => new ContactAccessResponse(a.RequestId, a.Purpose, a.RequestedBy, a.At)).ToListAsync(ct);
        return new Page<ContactAccessResponse>(items, number, size, total);
    }
}
