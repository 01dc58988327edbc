using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.ServicePositions;

/// <summary>One page of the places still in use, by kind and name, with their organisations' names; the signed-in and public lists show it each their way.</summary>
public static class ServicePositionPage
{
    public static async Task<Page<T>> ReadAsync<T>(
        PairingDbContext db, Guid? organisationId, ServicePositionKind? kind, int? page, int? pageSize, Func<ServicePosition, string?, T> shape,
        CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.ServicePositions.AsNoTracking().Where(p => p.RemovedAt == null);
        if (organisationId is { } org)
        {
            var subtree = await db.SubtreeAsync(org, ct);
            query = query.Where(p => subtree.Contains(p.OrganisationId));
        }

        if (kind is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.Kind).ThenBy(p => p.Name).ThenBy(p => p.Id).Skip(skip).Take(size).ToListAsync(ct);
        var names = await db.OrganisationNamesAsync(items.Select(p => p.OrganisationId), ct);
        return new Page<T>(items.Select(p => shape(p, names.GetValueOrDefault(p.OrganisationId))).ToList(), number, size, total);
    }
}
