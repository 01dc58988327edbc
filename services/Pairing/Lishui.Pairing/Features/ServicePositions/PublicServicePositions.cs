using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.ServicePositions;

/// <summary>A service position as the public portal shows it: where residents find the party and the masses' places.</summary>
public sealed record PublicServicePosition(
    Guid Id,
    string Name,
    ServicePositionKind Kind,
    string KindName,
    Guid OrganisationId,
    string? OrganisationName,
    string Address,
    string? Description);

/// <summary>
/// GET /public/service-positions: the town's party school, service centres and stations, without
/// sign-in, filterable by organisation (its subtree) and kind. Places are public; nothing about people.
/// </summary>
public static class PublicServicePositions
{
    public static RouteHandlerBuilder MapPublicServicePositions(this IEndpointRouteBuilder api) =>
        api.MapGet("/public/service-positions", HandleAsync)
            .WithName("PublicServicePositions")
            .WithSummary("党群服务阵地（公开）/ The town's service positions, public")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<Page<PublicServicePosition>> HandleAsync(
        PairingDbContext db, Guid? organisationId, ServicePositionKind? kind, int? page, int? pageSize, CancellationToken ct)
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
        return new Page<PublicServicePosition>(
            items.Select(p => new PublicServicePosition(p.Id, p.Name, p.Kind, ServicePosition.KindName(p.Kind), p.OrganisationId,
                names.GetValueOrDefault(p.OrganisationId), p.Address, p.Description)).ToList(),
            number, size, total);
    }
}
