using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
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
        // Service positions (党群服务阵地): the town and an organisation's secretaries keep its places;
        // where they are is public.
        api.MapGet("/public/service-positions", HandleAsync).RequireAccess(PairingAccess.Anyone)
            .WithName("PublicServicePositions")
            .WithSummary("党群服务阵地（公开）/ The town's service positions, public")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static Task<Page<PublicServicePosition>> HandleAsync(
        PairingDbContext db, Guid? organisationId, ServicePositionKind? kind, int? page, int? pageSize, CancellationToken ct) =>
        ServicePositionPage.ReadAsync(db, organisationId, kind, page, pageSize, (p, organisationName) => new PublicServicePosition(
            p.Id, p.Name, p.Kind, ServicePosition.KindName(p.Kind), p.OrganisationId, organisationName, p.Address, p.Description), ct);
}
