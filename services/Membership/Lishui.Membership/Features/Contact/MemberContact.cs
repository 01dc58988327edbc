using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Protection;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.Contact;

/// <summary>A member's personal data in the clear; fields not asked for (or not on record) are null.</summary>
public sealed record MemberContactResponse(Guid MemberId, string? IdNumber, string? Phone, string? Email);

public sealed record PersonalDataAccessResponse(Guid Id, Guid MemberId, string RequestedBy, string Purpose, IReadOnlyList<string> Fields, DateTimeOffset AccessedAt)
{
    public static PersonalDataAccessResponse Of(PersonalDataAccess a) => new(a.Id, a.MemberId, a.RequestedBy, a.Purpose, a.Fields, a.AccessedAt);
}

/// <summary>
/// GET /members/{id}/contact: the clear ID number, phone and e-mail, for a caller the access policy lets
/// see them (the town, auditors, the member's secretary, the member themself, Notification) and a stated
/// purpose, each read recorded in the append-only access log (who from the token) before anything is answered.
/// GET /personal-data-access-log: that log, page by page.
/// </summary>
public static class MemberContact
{
    private static readonly string[] AllFields = [PersonalDetails.IdNumberField, PersonalDetails.PhoneField, PersonalDetails.EmailField];

    public static IEndpointRouteBuilder MapMemberContact(this IEndpointRouteBuilder api)
    {
        // Clear personal data: every read is logged with the token's caller.
        api.MapGet("/members/{id:guid}/contact", ReadAsync).RequireAccess(MembershipAccess.ReadContact, MembershipAccess.MemberInRoute)
            .WithName("GetMemberContact")
            .WithSummary("查看党员个人信息明文（记录访问日志） / Read a member's ID number, phone and e-mail in the clear (logged)")
            .Produces<MemberContactResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/personal-data-access-log", LogAsync).RequireAccess(MembershipAccess.TownRead)
            .WithName("ListPersonalDataAccess")
            .WithSummary("个人信息访问日志 / Who read which member's personal data, newest first")
            .ProducesValidationProblem();
        return api;
    }

    /// <param name="purpose">Why the data is needed (e.g. 发送短信通知).</param>
    /// <param name="fields">Optional comma-separated subset of idNumber, phone, email: ask only for what the purpose needs.</param>
    private static async Task<Results<Ok<MemberContactResponse>, ProblemHttpResult>> ReadAsync(
        Guid id, string? purpose, string? fields, HttpContext http, MembershipDbContext db, PersonalDataProtector protector, TimeProvider time,
        CancellationToken ct)
    {
        // Who reads is the token's caller (the client id for a service), never something the request claims.
        var requestedBy = Caller.From(http.User).Name;
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > PersonalDataAccess.MaxPurposeLength)
        {
            errors.Add(new FieldError("purpose", "personal-data.purpose-required",
                $"请说明查看个人信息的用途（不超过 {PersonalDataAccess.MaxPurposeLength} 个字符）。",
                $"State the purpose of reading personal data (at most {PersonalDataAccess.MaxPurposeLength} characters)."));
        }

        var wanted = (fields ?? string.Join(',', AllFields)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var known = wanted.Select(f => AllFields.FirstOrDefault(a => string.Equals(a, f, StringComparison.OrdinalIgnoreCase))).ToList();
        if (known.Count == 0 || known.Any(f => f is null))
        {
            errors.Add(new FieldError("fields", "field.wrong-value", "fields 应为 idNumber、phone、email 中的一个或多个（以逗号分隔）。",
                "fields must be one or more of idNumber, phone, email (comma-separated)."));
        }

        if (errors.Count > 0)
        {
            return Problems.Result(Problems.Validation(errors));
        }

        if (await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == new MemberId(id), ct) is not { } member)
        {
            return Problems.NotFound("党员", "member");
        }

        var clear = member.OpenPersonalData(protector);
        var asked = known.Distinct().ToHashSet();
        var response = new MemberContactResponse(
            member.Id.Value,
            asked.Contains(PersonalDetails.IdNumberField) ? clear.IdNumber : null,
            asked.Contains(PersonalDetails.PhoneField) ? clear.Phone : null,
            asked.Contains(PersonalDetails.EmailField) ? clear.Email : null);
        var disclosed = new[] { (PersonalDetails.IdNumberField, response.IdNumber), (PersonalDetails.PhoneField, response.Phone), (PersonalDetails.EmailField, response.Email) }
            .Where(f => f.Item2 is not null).Select(f => f.Item1).ToArray();

        // The read is on record before the data leaves: if the log cannot be written, nothing is disclosed.
        var now = time.GetUtcNow();
        db.PersonalDataAccessLog.Add(new PersonalDataAccess(Guid.CreateVersion7(now), member.Id.Value, requestedBy[..Math.Min(requestedBy.Length, PersonalDataAccess.MaxRequestedByLength)], purpose!.Trim(), disclosed, now));
        await db.SaveChangesAsync(ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(response);
    }

    private static async Task<Page<PersonalDataAccessResponse>> LogAsync(
        MembershipDbContext db, Guid? memberId, string? requestedBy, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        CancellationToken ct)
    {
        if (from is { } f && to is { } t && t < f)
        {
            throw new RequestValidationException([new FieldError("to", "field.wrong-value", "结束时间不能早于开始时间。", "to cannot be before from.")]);
        }

        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.PersonalDataAccessLog.AsNoTracking();
        if (memberId is { } member)
        {
            query = query.Where(a => a.MemberId == member);
        }

        if (!string.IsNullOrWhiteSpace(requestedBy))
        {
            var who = requestedBy.Trim();
            query = query.Where(a => a.RequestedBy == who);
        }

        if (from is { } start)
        {
            query = query.Where(a => a.AccessedAt >= start.ToUniversalTime());
        }

        if (to is { } end)
        {
            query = query.Where(a => a.AccessedAt < end.ToUniversalTime());
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.AccessedAt).ThenByDescending(a => a.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<PersonalDataAccessResponse>(items.Select(PersonalDataAccessResponse.Of).ToList(), number, size, total);
    }
}
