using Lishui.Assessment.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Security;

/// <summary>
/// Where an Assessment resource lies, from the local organisation tree (<c>local_organisations</c>), roll
/// (<c>local_members</c>) and households: a scheme and its notice lie in the scheme's organisation; a
/// subject is a member (their organisation, and the member), a household (its party–mass group) or an
/// organisation (a cooperative's group or a village). Unknown ids give null.
/// </summary>
public sealed class AssessmentScopes(AssessmentDbContext db) : IScopeLookup
{
    public const string Organisation = "organisation";
    public const string Scheme = "scheme";
    public const string Notice = "notice";
    public const string Subject = "subject";

    public async ValueTask<ResourceScope?> FindAsync(string kind, string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return null;
        }

        return kind switch
        {
            Organisation => await db.ScopeOfLocalOrganisationAsync(guid, null, ct),
            Scheme => await OfAsync(db.Schemes.Where(s => s.Id == guid).Select(s => (Guid?)s.OrganisationId), null, ct),
            Notice => await OfAsync(db.Notices.Where(n => n.Id == guid).Select(n => (Guid?)n.OrganisationId), null, ct),
            Subject => await OfAsync(db.Members.Where(m => m.MemberId == guid).Select(m => (Guid?)m.OrganisationId), guid, ct)
                ?? await OfAsync(db.Households.Where(h => h.HouseholdId == guid).Select(h => (Guid?)h.OrganisationId), null, ct)
                ?? await db.ScopeOfLocalOrganisationAsync(guid, null, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Assessment's policy names no such kind of resource."),
        };
    }

    private async Task<ResourceScope?> OfAsync(IQueryable<Guid?> organisation, Guid? memberId, CancellationToken ct) =>
        await organisation.FirstOrDefaultAsync(ct) is { } organisationId
            ? await db.ScopeOfLocalOrganisationAsync(organisationId, memberId, ct) ?? new ResourceScope([organisationId], memberId)
            : null;
}
