using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Contacts;

public sealed record LogContactRequest(DateOnly ContactedOn, ContactChannel Channel, string Summary) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Summary) || Summary.Trim().Length > ContactLog.MaxSummaryLength)
        {
            yield return new FieldError("summary", "contact.summary-invalid", $"联系内容不能为空，且不超过 {ContactLog.MaxSummaryLength} 个字符。", $"The summary must be given and at most {ContactLog.MaxSummaryLength} characters.");
        }
    }
}

public sealed record ContactResponse(Guid Id, Guid MemberPairId, DateOnly ContactedOn, ContactChannel Channel, string Summary);

/// <summary>POST /member-pairs/{id}/contacts: paired members were in contact (走访、电话、会面).</summary>
public static class LogContact
{
    public static RouteHandlerBuilder MapLogContact(this IEndpointRouteBuilder api) =>
        api.MapPost("/member-pairs/{id:guid}/contacts", HandleAsync).RequireAccess(PairingAccess.SubtreeOrOwnChange, ScopeRef.Route("id", PairingScopes.MemberPair))
            .WithName("LogContact").WithSummary("记录联系 / Log a contact")
            .Accepts<LogContactRequest>("application/json")
            .Produces<ContactResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<ContactResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        Guid id, ValidatedBody<LogContactRequest> body, PairingDbContext db, TimeProvider time, HttpContext http)
    {
        if (!await db.MemberPairs.AnyAsync(p => p.Id == id, http.RequestAborted))
        {
            return Problems.NotFound("党员结对", "member pair");
        }

        var request = body.Value;
        return await db.CreateOnceAsync(http, $"contacts.log:{id}", request, async ct =>
        {
            var pair = await db.MemberPairs.FirstAsync(p => p.Id == id, ct);
            var organisationId = await db.OrganisationPairings.Where(p => p.Id == pair.PairingId).Select(p => p.OrganBranchId).FirstAsync(ct);
            var now = time.GetUtcNow();
            pair.LogContact(request.ContactedOn, request.Channel, time.Today(), organisationId, now);
            var log = new ContactLog
            {
                Id = Guid.CreateVersion7(now),
                MemberPairId = pair.Id,
                ContactedOn = request.ContactedOn,
                Channel = request.Channel,
                Summary = request.Summary.Trim(),
                LoggedAt = now,
            };
            db.Contacts.Add(log);
            return (new ContactResponse(log.Id, pair.Id, log.ContactedOn, log.Channel, log.Summary), $"/member-pairs/{pair.Id}/contacts/{log.Id}");
        }, time);
    }
}
