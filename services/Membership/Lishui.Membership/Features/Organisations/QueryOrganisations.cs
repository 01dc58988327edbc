using Lishui.Membership.Data;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.Organisations;

public static class QueryOrganisations
{
    public static IEndpointRouteBuilder MapQueryOrganisations(this IEndpointRouteBuilder api)
    {
        api.MapGet("/organisations/{id:guid}", GetAsync).RequireAccess(MembershipAccess.ReadTree, MembershipAccess.OrganisationInRoute).WithName("GetOrganisation").WithSummary("查看党组织 / Get an organisation");
        api.MapGet("/organisations/{id:guid}/subtree", SubtreeAsync).RequireAccess(MembershipAccess.ReadTree, MembershipAccess.OrganisationInRoute).WithName("GetOrganisationSubtree")
            .WithSummary("下级组织（含自身），按层级排序 / The organisation and everything below it, top-down");
        return api;
    }

    private static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> GetAsync(Guid id, MembershipDbContext db, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == new OrganisationId(id), ct) is { } organisation
            ? TypedResults.Ok(OrganisationResponse.From(organisation))
            : Problems.NotFound("党组织", "organisation");

    private static async Task<Results<Ok<Page<OrganisationResponse>>, ProblemHttpResult>> SubtreeAsync(
        Guid id, MembershipDbContext db, bool? includeClosed, int? page, int? pageSize, CancellationToken ct)
    {
        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == new OrganisationId(id), ct) is not { } root)
        {
            return Problems.NotFound("党组织", "organisation");
        }

        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Organisations.AsNoTracking().Where(o => o.Path.StartsWith(root.Path));
        if (includeClosed != true)
        {
            query = query.Where(o => o.ClosedAt == null);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.Path).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<OrganisationResponse>(items.Select(OrganisationResponse.From).ToList(), number, size, total));
    }
}
