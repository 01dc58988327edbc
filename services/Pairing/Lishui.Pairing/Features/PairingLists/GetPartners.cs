using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.PairingLists;

public sealed record PartnerResponse(Guid MemberPairId, Guid PairingId, Guid PartnerId, string PartnerName, string PartnerRole, DateOnly Since, DateOnly? LastContactedOn);

/// <summary>GET /members/{id}/partners: whom a member is paired with, on every active list.</summary>
public static class GetPartners
{
    public static RouteHandlerBuilder MapGetPartners(this IEndpointRouteBuilder api) =>
        // A member's own partners, pairs and Tuesday attendance, and the contact log of their own pairs (either side reads it).
        api.MapGet("/members/{id:guid}/partners", HandleAsync).RequireAccess(PairingAccess.SubtreeOrOwnRead, PairingAccess.Member).WithName("GetPartners").WithSummary("我的结对人 / A member's partners");

    private static async Task<IReadOnlyList<PartnerResponse>> HandleAsync(Guid id, PairingDbContext db, CancellationToken ct)
    {
        var pairs = await db.MemberPairs.AsNoTracking()
            .Where(p => p.EndedOn == null && (p.OrganMemberId == id || p.VillageMemberId == id))
            .ToListAsync(ct);
        var partnerIds = pairs.Select(p => p.OrganMemberId == id ? p.VillageMemberId : p.OrganMemberId).ToList();
        var names = await db.Members.AsNoTracking().Where(m => partnerIds.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, m => m.Name, ct);
        return pairs
            .Select(p => p.OrganMemberId == id
                ? new PartnerResponse(p.Id, p.PairingId, p.VillageMemberId, names.GetValueOrDefault(p.VillageMemberId) ?? string.Empty, "VillageMember", p.Since, p.LastContactedOn)
                : new PartnerResponse(p.Id, p.PairingId, p.OrganMemberId, names.GetValueOrDefault(p.OrganMemberId) ?? string.Empty, "OrganMember", p.Since, p.LastContactedOn))
            .OrderBy(p => p.PartnerName).ThenBy(p => p.PartnerId)
            .ToList();
    }
}
