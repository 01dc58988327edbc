using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Households;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Security;

/// <summary>Which organisation (with its ancestors, nearest first) and which member a Membership resource belongs to.</summary>
public sealed class MembershipScopes(MembershipDbContext db) : IScopeLookup
{
    public const string Organisation = "organisation";
    public const string Member = "member";
    public const string Household = "household";
    public const string WithdrawalCase = "withdrawal-case";
    public const string Import = "import";
    public const string OrganisationalTalk = "organisational-talk";

    public async ValueTask<ResourceScope?> FindAsync(string kind, string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return null;
        }

        switch (kind)
        {
            case Organisation:
                return await OfOrganisationAsync(guid, null, ct);
            case Member:
                var member = await db.Members.AsNoTracking().Where(m => m.Id == new MemberId(guid))
                    .Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(ct);
                return member is { } memberOrganisation ? await OfOrganisationAsync(memberOrganisation, guid, ct) : null;
            case Household:
                var household = await db.Households.AsNoTracking().Where(h => h.Id == new HouseholdId(guid))
                    .Select(h => (Guid?)h.OrganisationId).FirstOrDefaultAsync(ct);
                return household is { } group ? await OfOrganisationAsync(group, null, ct) : null;
            case WithdrawalCase:
                // The decision is the party committee's: its secretary (and the town) handle the case.
                var committee = await db.WithdrawalAdviceCases.AsNoTracking().Where(c => c.Id == guid)
                    .Select(c => (Guid?)c.PartyCommitteeId).FirstOrDefaultAsync(ct);
                return committee is { } partyCommittee ? await OfOrganisationAsync(partyCommittee, null, ct) : null;
            case Import:
                // A town-wide import (no organisation) is the town's: no secretary's scope.
                var into = await db.MemberImports.AsNoTracking().Where(i => i.Id == guid).Select(i => i.OrganisationId).FirstOrDefaultAsync(ct);
                return into is { } importedInto ? await OfOrganisationAsync(importedInto, null, ct) : null;
            case OrganisationalTalk:
                var talk = await db.OrganisationalTalks.AsNoTracking().Where(t => t.Id == guid).Select(t => (Guid?)t.OrganisationId).FirstOrDefaultAsync(ct);
                return talk is { } talkOrganisation ? await OfOrganisationAsync(talkOrganisation, null, ct) : null;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Membership has no resources of this kind.");
        }
    }

    private Task<ResourceScope?> OfOrganisationAsync(Guid organisation, Guid? member, CancellationToken ct) =>
        db.ScopeOfOrganisationAsync("organisations", "id", "parent_id", organisation, member, ct);
}
