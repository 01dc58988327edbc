using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Features.ServicePositions;

public sealed record ChangeServicePositionRequest(string Name, ServicePositionKind Kind, string Address, string? Description) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate() =>
        new ServicePositionRequest(Guid.Empty, Name, Kind, Address, Description).Validate();
}

/// <summary>
/// Read, list, change and remove service positions. GET /service-positions lists those of an
/// organisation's subtree (a village with its groups' stations), filterable by kind.
/// </summary>
public static class ManageServicePositions
{
    public static IEndpointRouteBuilder MapManageServicePositions(this IEndpointRouteBuilder api)
    {
        api.MapGet("/service-positions", ListAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.OrganisationInQuery).WithName("ListServicePositions").WithSummary("党群服务阵地列表 / Service positions");
        api.MapGet("/service-positions/{id:guid}", GetAsync).RequireAccess(PairingAccess.SubtreeRead, PairingAccess.Position).WithName("GetServicePosition").WithSummary("党群服务阵地详情 / A service position");
        api.MapPut("/service-positions/{id:guid}", ChangeAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Position).WithName("ChangeServicePosition").WithSummary("修改党群服务阵地 / Change a service position")
            .Accepts<ChangeServicePositionRequest>("application/json")
            .Produces<ServicePositionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapDelete("/service-positions/{id:guid}", RemoveAsync).RequireAccess(PairingAccess.SubtreeChange, PairingAccess.Position).WithName("RemoveServicePosition").WithSummary("撤除党群服务阵地 / Remove a service position")
            .Produces(StatusCodes.Status204NoContent);
        return api;
    }

    internal static ProblemHttpResult Conflict(IBusinessRule rule)
    {
        var problem = Problems.RuleBroken(rule);
        problem.Status = StatusCodes.Status409Conflict;
        return Problems.Result(problem);
    }

    private static Task<Page<ServicePositionResponse>> ListAsync(
        PairingDbContext db, Guid? organisationId, ServicePositionKind? kind, int? page, int? pageSize, CancellationToken ct) =>
        ServicePositionPage.ReadAsync(db, organisationId, kind, page, pageSize, ServicePositionResponse.From, ct);

    private static async Task<Results<Ok<ServicePositionResponse>, ProblemHttpResult>> GetAsync(Guid id, PairingDbContext db, CancellationToken ct)
    {
        if (await db.ServicePositions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } position)
        {
            return Problems.NotFound("党群服务阵地", "service position");
        }

        var names = await db.OrganisationNamesAsync([position.OrganisationId], ct);
        return TypedResults.Ok(ServicePositionResponse.From(position, names.GetValueOrDefault(position.OrganisationId)));
    }

    private static async Task<Results<Ok<ServicePositionResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, ValidatedBody<ChangeServicePositionRequest> body, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.ServicePositions.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } position)
        {
            return Problems.NotFound("党群服务阵地", "service position");
        }

        var request = body.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var key = $"service-position-org:{position.OrganisationId}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
        var same = await db.ServicePositions.AsNoTracking().Where(p => p.OrganisationId == position.OrganisationId).ToListAsync(ct);
        try
        {
            position.Change(request.Name, request.Kind, request.Address, request.Description, same, time.GetUtcNow());
        }
        catch (BusinessRuleViolation e) when (e.Rule is PositionNameIsUniqueInItsOrganisationRule)
        {
            return Conflict(e.Rule);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        var names = await db.OrganisationNamesAsync([position.OrganisationId], ct);
        return TypedResults.Ok(ServicePositionResponse.From(position, names.GetValueOrDefault(position.OrganisationId)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(Guid id, PairingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.ServicePositions.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } position)
        {
            return Problems.NotFound("党群服务阵地", "service position");
        }

        position.Remove(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
