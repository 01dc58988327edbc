using Lishui.Pairing.Data;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.Contacts;

public sealed record ContactComplianceResponse(Guid OrganisationId, DateOnly On, int Pairs, int Compliant, int Overdue, decimal? Share);

/// <summary>GET /organisations/{id}/contact-compliance: share of the organisation's active member pairs in contact on time.</summary>
public static class ContactCompliance
{
    public static RouteHandlerBuilder MapContactCompliance(this IEndpointRouteBuilder api) =>
        // Per organisation: for its secretaries (and those above it).
        api.MapGet("/organisations/{id:guid}/contact-compliance", HandleAsync).RequireAccess(PairingAccess.SubtreeRead, ScopeRef.Route("id", PairingScopes.Organisation))
            .WithName("ContactCompliance").WithSummary("结对联系达标率 / Contact compliance of an organisation");

    private static async Task<ContactComplianceResponse> HandleAsync(Guid id, DateOnly? on, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        var day = on ?? time.Today();
        var pairings = await db.OrganisationPairings.AsNoTracking()
            .Where(p => p.EndedAt == null && (p.EndsOn == null || p.EndsOn >= day) && (p.OrganBranchId == id || p.VillageCommitteeId == id))
            .ToDictionaryAsync(p => p.Id, p => p.ContactEveryDays, ct);
        var ids = pairings.Keys.ToList();
        var pairs = await db.MemberPairs.AsNoTracking().Where(p => p.EndedOn == null && ids.Contains(p.PairingId)).ToListAsync(ct);
        var compliant = pairs.Count(p => p.MissedDueDate(pairings[p.PairingId], day) is null);
        decimal? share = pairs.Count == 0 ? null : Math.Round((decimal)compliant / pairs.Count, 4);
        return new ContactComplianceResponse(id, day, pairs.Count, compliant, pairs.Count - compliant, share);
    }
}
