using Lishui.Pairing.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Security;

/// <summary>
/// Where a Pairing resource lies, from the local organisation tree (<c>local_organisations</c>) and roll
/// (<c>local_members</c>). An organisation pairing (and all that hangs off it: member pairs, study
/// sessions) lies in both its organisations, so its scope is the union of the organ branch's and the
/// village's ancestor chains (organ side first): a secretary of either subtree passes, nobody else's.
/// A member pair belongs to both of its members; the calling member, when one of them, is the member
/// of the scope (a scope names one member). Unknown ids give null.
/// </summary>
public sealed class PairingScopes(PairingDbContext db, IHttpContextAccessor http) : IScopeLookup
{
    public const string Organisation = "organisation";

    /// <summary>An organisation, seen as the caller's own when the calling member belongs to it or below it.</summary>
    public const string MemberOrganisation = "member-organisation";

    public const string Member = "member";
    public const string Pairing = "pairing";
    public const string MemberPair = "member-pair";
    public const string StationingSchedule = "stationing-schedule";
    public const string StationingVisit = "stationing-visit";
    public const string ResidentRequest = "resident-request";
    public const string ServicePosition = "service-position";
    public const string PartyMassDiscussion = "party-mass-discussion";

    public async ValueTask<ResourceScope?> FindAsync(string kind, string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return null;
        }

        return kind switch
        {
            Organisation => await db.ScopeOfLocalOrganisationAsync(guid, null, ct),
            MemberOrganisation => await OfMemberOrganisationAsync(guid, ct),
            Member => await OfMemberAsync(guid, ct),
            Pairing => await OfPairingAsync(guid, null, ct),
            MemberPair => await OfMemberPairAsync(guid, ct),
            StationingSchedule => await OfVillageAsync(db.StationingSchedules.Where(s => s.Id == guid).Select(s => (Guid?)s.VillageCommitteeId), ct),
            StationingVisit => await OfVillageAsync(db.StationingVisits.Where(v => v.Id == guid).Select(v => (Guid?)v.VillageCommitteeId), ct),
            ResidentRequest => await OfVillageAsync(db.ResidentRequests.Where(r => r.Id == guid).Select(r => (Guid?)r.VillageCommitteeId), ct),
            PartyMassDiscussion => await OfVillageAsync(db.Discussions.Where(d => d.Id == guid).Select(d => (Guid?)d.GroupId), ct),
            ServicePosition => await OfVillageAsync(db.ServicePositions.Where(p => p.Id == guid).Select(p => (Guid?)p.OrganisationId), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Pairing's policy names no such kind of resource."),
        };
    }

    private async Task<ResourceScope?> OfVillageAsync(IQueryable<Guid?> village, CancellationToken ct) =>
        await village.FirstOrDefaultAsync(ct) is { } organisation ? await db.ScopeOfLocalOrganisationAsync(organisation, null, ct) : null;

    private async Task<ResourceScope?> OfMemberAsync(Guid memberId, CancellationToken ct) =>
        await db.Members.AsNoTracking().Where(m => m.MemberId == memberId).Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(ct) is { } organisation
            ? await db.ScopeOfLocalOrganisationAsync(organisation, memberId, ct) ?? new ResourceScope([organisation], memberId)
            : null;

    private async Task<ResourceScope?> OfPairingAsync(Guid pairingId, Guid? memberId, CancellationToken ct)
    {
        if (await db.OrganisationPairings.AsNoTracking().Where(p => p.Id == pairingId)
                .Select(p => new { p.OrganBranchId, p.VillageCommitteeId }).FirstOrDefaultAsync(ct) is not { } pairing)
        {
            return null;
        }

        var organ = await db.ScopeOfLocalOrganisationAsync(pairing.OrganBranchId, null, ct);
        var village = await db.ScopeOfLocalOrganisationAsync(pairing.VillageCommitteeId, null, ct);
        List<Guid> chains = [.. organ?.OrganisationAndAncestors ?? [pairing.OrganBranchId], .. village?.OrganisationAndAncestors ?? [pairing.VillageCommitteeId]];
        return new ResourceScope([.. chains.Distinct()], memberId);
    }

    private async Task<ResourceScope?> OfMemberPairAsync(Guid pairId, CancellationToken ct)
    {
        if (await db.MemberPairs.AsNoTracking().Where(p => p.Id == pairId)
                .Select(p => new { p.PairingId, p.OrganMemberId, p.VillageMemberId }).FirstOrDefaultAsync(ct) is not { } pair)
        {
            return null;
        }

        var caller = Caller.From(http.HttpContext?.User).MemberId;
        var member = caller == pair.VillageMemberId ? pair.VillageMemberId : pair.OrganMemberId;
        return await OfPairingAsync(pair.PairingId, member, ct);
    }

    private async Task<ResourceScope?> OfMemberOrganisationAsync(Guid organisationId, CancellationToken ct)
    {
        if (await db.ScopeOfLocalOrganisationAsync(organisationId, null, ct) is not { } scope)
        {
            return null;
        }

        // The calling member's own organisation is this one or lies below it: theirs to read.
        if (Caller.From(http.HttpContext?.User).MemberId is { } me
            && await db.Members.AsNoTracking().Where(m => m.MemberId == me).Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(ct) is { } own
            && (await db.AncestorsAndSelfAsync(own, ct)).Contains(organisationId))
        {
            return scope with { MemberId = me };
        }

        return scope;
    }
}
