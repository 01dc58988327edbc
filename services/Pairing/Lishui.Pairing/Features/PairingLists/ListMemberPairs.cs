using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.PairingLists;

public sealed record MemberPairSummary(
    Guid MemberPairId,
    Guid PairingId,
    Guid PartnerId,
    string PartnerName,
    string PartnerRole,
    DateOnly Since,
    DateOnly? EndedOn,
    bool Active,
    DateOnly? LastContactedOn,
    int Contacts);

/// <summary>
/// GET /members/{id}/member-pairs: every pair a member is or was in (ended ones on request), with the
/// partner, the last contact date and how many contacts were logged; most recently contacted first.
/// </summary>
public static class ListMemberPairs
{
    public static RouteHandlerBuilder MapListMemberPairs(this IEndpointRouteBuilder api) =>
        api.MapGet("/members/{id:guid}/member-pairs", HandleAsync).RequireAccess(PairingAccess.SubtreeOrOwnRead, PairingAccess.Member)
            .WithName("ListMemberPairs").WithSummary("党员的结对及最近联系 / A member's pairs and their last contact");

    private static async Task<Page<MemberPairSummary>> HandleAsync(
        Guid id, bool? includeEnded, int? page, int? pageSize, PairingDbContext db, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.MemberPairs.AsNoTracking().Where(p => p.OrganMemberId == id || p.VillageMemberId == id);
        if (includeEnded != true)
        {
            query = query.Where(p => p.EndedOn == null);
        }

        var total = await query.CountAsync(ct);
        var pairs = await query
            .OrderBy(p => p.EndedOn != null).ThenBy(p => p.LastContactedOn == null).ThenByDescending(p => p.LastContactedOn).ThenByDescending(p => p.Since).ThenBy(p => p.Id)
            .Skip(skip).Take(size)
            .Select(p => new
            {
                p.Id,
                p.PairingId,
                p.OrganMemberId,
                p.VillageMemberId,
                p.Since,
                p.EndedOn,
                p.LastContactedOn,
                Contacts = db.Contacts.Count(c => c.MemberPairId == p.Id),
            })
            .ToListAsync(ct);
        var partnerIds = pairs.Select(p => p.OrganMemberId == id ? p.VillageMemberId : p.OrganMemberId).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => partnerIds.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, m => m.Name, ct);
        var items = pairs.Select(p =>
        {
            var (partner, role) = p.OrganMemberId == id ? (p.VillageMemberId, "VillageMember") : (p.OrganMemberId, "OrganMember");
            return new MemberPairSummary(p.Id, p.PairingId, partner, names.GetValueOrDefault(partner) ?? string.Empty, role,
                p.Since, p.EndedOn, p.EndedOn == null, p.LastContactedOn, p.Contacts);
        }).ToList();
        return new Page<MemberPairSummary>(items, number, size, total);
    }
}
