using Lishui.Membership.Data;
using Lishui.Membership.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features;

public static class OrganisationSubtree
{
    /// <summary>
    /// The ids of the organisation and everything below it, by path prefix (a town has hundreds of
    /// organisations, not millions); empty when it does not exist.
    /// </summary>
    public static async Task<List<Guid>> IdsAsync(MembershipDbContext db, Guid organisationId, CancellationToken ct)
    {
        var root = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == new OrganisationId(organisationId), ct);
        if (root is null)
        {
            return [];
        }

        var ids = await db.Organisations.AsNoTracking().Where(o => o.Path.StartsWith(root.Path)).Select(o => o.Id).ToListAsync(ct);
        return ids.Select(id => id.Value).ToList();
    }
}
