using Lishui.Notification.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Security;

/// <summary>
/// Where a Notification resource lies, from the local view of Membership's roll and organisation tree
/// (<c>local_members</c>, <c>local_organisations</c>): a member's organisation with its ancestors and the
/// member; a notification belongs to its recipient. Unknown ids (a resident, a member whose
/// registration has not arrived) give null, so only callers who need no scope pass.
/// </summary>
public sealed class NotificationScopes(NotificationDbContext db) : IScopeLookup
{
    public const string Member = "member";
    public const string Notification = "notification";
    public const string Organisation = "organisation";

    public async ValueTask<ResourceScope?> FindAsync(string kind, string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return null;
        }

        return kind switch
        {
            Member => await OfMemberAsync(guid, ct),
            Notification => await db.Notifications.AsNoTracking().Where(n => n.Id == guid).Select(n => (Guid?)n.RecipientId).FirstOrDefaultAsync(ct) is { } recipient
                ? await OfMemberAsync(recipient, ct)
                : null,
            Organisation => await OfOrganisationAsync(guid, null, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Notification's policy names no such kind of resource."),
        };
    }

    private async Task<ResourceScope?> OfMemberAsync(Guid memberId, CancellationToken ct) =>
        await db.Set<LocalMember>().AsNoTracking().Where(m => m.MemberId == memberId).Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(ct) is { } organisation
            ? await OfMemberOrganisationAsync(organisation, memberId, ct)
            : null;

    private Task<ResourceScope?> OfOrganisationAsync(Guid organisationId, Guid? memberId, CancellationToken ct) =>
        db.ScopeOfLocalOrganisationAsync(organisationId, memberId, ct);

    // A member whose organisation's event has not arrived yet still owns their inbox (the chain is just theirs).
    private async Task<ResourceScope?> OfMemberOrganisationAsync(Guid organisationId, Guid memberId, CancellationToken ct) =>
        await OfOrganisationAsync(organisationId, memberId, ct) ?? new ResourceScope([organisationId], memberId);
}
