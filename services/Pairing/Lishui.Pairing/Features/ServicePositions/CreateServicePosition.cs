using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.ServicePositions;

/// <summary>POST /service-positions: the town or an organisation's secretary registers a place (党校、党群服务中心、服务站).</summary>
public static class CreateServicePosition
{
    public static RouteHandlerBuilder MapCreateServicePosition(this IEndpointRouteBuilder api) =>
        api.MapPost("/service-positions", HandleAsync).RequireAccess(PairingAccess.SubtreeChange, ScopeRef.Body("organisationId", PairingScopes.Organisation))
            .WithName("CreateServicePosition").WithSummary("登记党群服务阵地 / Register a service position")
            .Accepts<ServicePositionRequest>("application/json")
            .Produces<ServicePositionResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<ServicePositionResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(ValidatedBody<ServicePositionRequest> body, PairingDbContext db, TimeProvider time, HttpContext http)
    {
        var request = body.Value;
        try
        {
            return await db.CreateOnceInTransactionAsync(http, "service-positions.create", request, async ct =>
            {
                // Names are unique per organisation: concurrent registrations in one organisation queue here.
                var key = $"service-position-org:{request.OrganisationId}";
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
                var organisation = await db.Organisations.AsNoTracking().Where(o => o.OrganisationId == request.OrganisationId)
                                       .Select(o => new PairedOrganisation(o.OrganisationId, o.Name, o.Closed)).FirstOrDefaultAsync(ct)
                                   ?? new PairedOrganisation(request.OrganisationId, null, false);
                var same = await db.ServicePositions.AsNoTracking().Where(p => p.OrganisationId == request.OrganisationId).ToListAsync(ct);
                var now = time.GetUtcNow();
                var position = ServicePosition.Create(Guid.CreateVersion7(now), organisation, request.Name, request.Kind, request.Address, request.Description, same, now);
                db.ServicePositions.Add(position);
                return (ServicePositionResponse.From(position, organisation.Name), $"/service-positions/{position.Id}");
            }, time);
        }
        catch (Lishui.Shared.Domain.BusinessRuleViolation e) when (e.Rule is PositionNameIsUniqueInItsOrganisationRule)
        {
            return ManageServicePositions.Conflict(e.Rule);
        }
    }
}
