using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.Organisations;

public sealed record RenameOrganisationRequest(string Name);

public sealed record MoveOrganisationRequest(Guid ParentId);

public sealed record ReclassifyOrganisationRequest(OrganisationSector Sector);

/// <summary>Rename, move (with its subtree) and close: each a change of the organisation and an event.</summary>
public static class ChangeOrganisation
{
    public static IEndpointRouteBuilder MapChangeOrganisation(this IEndpointRouteBuilder api)
    {
        api.MapPut("/organisations/{id:guid}/name", RenameAsync).RequireAccess(MembershipAccess.TownOnly).WithName("RenameOrganisation").WithSummary("更名 / Rename")
            .Accepts<RenameOrganisationRequest>("application/json");
        api.MapPost("/organisations/{id:guid}/move", MoveAsync).RequireAccess(MembershipAccess.TownOnly).WithName("MoveOrganisation").WithSummary("调整隶属关系 / Move under another parent")
            .Accepts<MoveOrganisationRequest>("application/json");
        api.MapPut("/organisations/{id:guid}/sector", ReclassifyAsync).RequireAccess(MembershipAccess.TownOnly).WithName("ReclassifyOrganisation")
            .WithSummary("设定所属类别（村/社区、机关、教育系统、公有资产系统、两新组织），下级组织随之调整 / Set the sector of an organisation and its subtree")
            .Accepts<ReclassifyOrganisationRequest>("application/json")
            .Produces<OrganisationResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPost("/organisations/{id:guid}/close", CloseAsync).RequireAccess(MembershipAccess.TownOnly).WithName("CloseOrganisation").WithSummary("撤销 / Close an empty organisation");
        return api;
    }

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> RenameAsync(
        Guid id, ValidatedBody<RenameOrganisationRequest> body, MembershipDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Organisations.FirstOrDefaultAsync(o => o.Id == new OrganisationId(id), ct) is not { } organisation)
        {
            return Problems.NotFound("党组织", "organisation");
        }

        organisation.Rename(body.Value.Name, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> MoveAsync(
        Guid id, ValidatedBody<MoveOrganisationRequest> body, MembershipDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Organisations.FirstOrDefaultAsync(o => o.Id == new OrganisationId(id), ct) is not { } organisation)
        {
            return Problems.NotFound("党组织", "organisation");
        }

        if (await db.Organisations.FirstOrDefaultAsync(o => o.Id == new OrganisationId(body.Value.ParentId), ct) is not { } parent)
        {
            throw new RequestValidationException([new FieldError("parentId", "organisation.parent-unknown", "上级组织不存在。", "The parent organisation does not exist.")]);
        }

        var oldPrefix = organisation.MoveUnder(parent, time.GetUtcNow());
        var descendants = await db.Organisations
            .Where(o => o.Path.StartsWith(oldPrefix) && o.Id != organisation.Id)
            .ToListAsync(ct);
        foreach (var descendant in descendants)
        {
            descendant.Rebase(oldPrefix, organisation.Path);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> ReclassifyAsync(
        Guid id, ValidatedBody<ReclassifyOrganisationRequest> body, MembershipDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Organisations.FirstOrDefaultAsync(o => o.Id == new OrganisationId(id), ct) is not { } organisation)
        {
            return Problems.NotFound("党组织", "organisation");
        }

        var parent = organisation.ParentId is { } parentId ? await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == parentId, ct) : null;
        var previous = organisation.Sector;
        if (previous == body.Value.Sector)
        {
            return TypedResults.Ok(OrganisationResponse.From(organisation)); // already so: nothing changes, no event
        }

        organisation.Reclassify(body.Value.Sector, parent, time.GetUtcNow());
        var descendants = await db.Organisations.Where(o => o.Path.StartsWith(organisation.Path) && o.Id != organisation.Id).ToListAsync(ct);
        foreach (var descendant in descendants)
        {
            descendant.FollowSector(body.Value.Sector);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> CloseAsync(
        Guid id, MembershipDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Organisations.FirstOrDefaultAsync(o => o.Id == new OrganisationId(id), ct) is not { } organisation)
        {
            return Problems.NotFound("党组织", "organisation");
        }

        var openChildren = await db.Organisations.CountAsync(o => o.ParentId == organisation.Id && o.ClosedAt == null, ct);
        // Members who left the roll (transferred out, withdrawn, removed, deceased) stay on record but do not keep it open.
        var members = await db.Members.CountAsync(m => m.OrganisationId == id
            && (m.Status == MemberStatus.Probationary || m.Status == MemberStatus.Full || m.Status == MemberStatus.WithdrawalAdvised), ct);
        organisation.Close(openChildren, members, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OrganisationResponse.From(organisation));
    }
}
