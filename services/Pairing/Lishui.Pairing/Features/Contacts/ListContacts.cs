using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Contacts;

/// <summary>
/// GET /member-pairs/{id}/contacts: a pair's contact log (走访、电话、会面), newest first, for the two
/// paired members, the secretaries of either side and the town.
/// </summary>
public static class ListContacts
{
    public static RouteHandlerBuilder MapListContacts(this IEndpointRouteBuilder api) =>
        api.MapGet("/member-pairs/{id:guid}/contacts", HandleAsync).RequireAccess(PairingAccess.SubtreeOrOwnRead, ScopeRef.Route("id", PairingScopes.MemberPair))
            .WithName("ListContacts").WithSummary("结对联系记录 / The contact log of a member pair");

    private static async Task<Results<Ok<Page<ContactResponse>>, ProblemHttpResult>> HandleAsync(
        Guid id, int? page, int? pageSize, PairingDbContext db, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        if (!await db.MemberPairs.AnyAsync(p => p.Id == id, ct))
        {
            return Problems.NotFound("党员结对", "member pair");
        }

        var query = db.Contacts.AsNoTracking().Where(c => c.MemberPairId == id);
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderByDescending(c => c.ContactedOn).ThenByDescending(c => c.LoggedAt).ThenByDescending(c => c.Id)
            .Skip(skip).Take(size)
            .Select(c => new ContactResponse(c.Id, c.MemberPairId, c.ContactedOn, c.Channel, c.Summary))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<ContactResponse>(items, number, size, total));
    }
}
