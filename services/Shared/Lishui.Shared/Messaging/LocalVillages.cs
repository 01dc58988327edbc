using Lishui.Contracts.Membership;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

/// <summary>A village as the town overview counts it: a party committee with none below it.</summary>
public sealed record LocalVillage(Guid Id, string Name);

public static class LocalVillages
{
    /// <summary>
    /// Every organisation of this service's copy of the tree, to the village it lies in: its nearest
    /// party committee, when no party committee lies below that one (the town's has the villages' below it).
    /// </summary>
    public static async Task<Dictionary<Guid, LocalVillage>> VillagesAsync(this DbContext db, CancellationToken ct)
    {
        var all = await db.Set<LocalOrganisation>().AsNoTracking().Select(o => new { o.OrganisationId, o.ParentId, o.Name, o.Kind }).ToListAsync(ct);
        var byId = all.ToDictionary(o => o.OrganisationId);
        var withCommitteeBelow = new HashSet<Guid>();
        foreach (var c in all.Where(o => o.Kind == OrganisationKind.PartyCommittee))
        {
            var up = c.ParentId;
            for (var depth = 0; up is { } id && byId.TryGetValue(id, out var above) && depth < 32; depth++, up = above.ParentId)
            {
                withCommitteeBelow.Add(above.OrganisationId);
            }
        }

        var map = new Dictionary<Guid, LocalVillage>();
        foreach (var o in all)
        {
            var node = o;
            for (var depth = 0; node is not null && depth < 32; depth++)
            {
                if (node.Kind == OrganisationKind.PartyCommittee)
                {
                    if (!withCommitteeBelow.Contains(node.OrganisationId))
                    {
                        map[o.OrganisationId] = new LocalVillage(node.OrganisationId, node.Name);
                    }

                    break;
                }

                node = node.ParentId is { } p && byId.TryGetValue(p, out var next) ? next : null;
            }
        }

        return map;
    }
}
