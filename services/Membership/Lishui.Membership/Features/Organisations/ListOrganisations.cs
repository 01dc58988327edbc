using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.Organisations;

/// <summary>One organisation of <c>GET /organisations/tree</c> with the open organisations directly below it.</summary>
public sealed record OrganisationTreeNode(
    Guid Id, string Name, OrganisationKind Kind, string KindLabel, OrganisationSector? Sector, string SectorLabel, string? EconomicCooperative,
    bool Closed, IReadOnlyList<OrganisationTreeNode> Children);

/// <summary>
/// The town's organisations without knowing an id: a flat list (paged, filtered by kind, sector, parent,
/// name and state) and the tree below a root. Town, auditors and members read the whole town by default;
/// a secretary names their own organisation (or one below it) as <c>rootId</c>, as with the roll.
/// </summary>
public static class ListOrganisations
{
    public static IEndpointRouteBuilder MapListOrganisations(this IEndpointRouteBuilder api)
    {
        // Lists without an id: a secretary names their own organisation (or one below it) as the root, as with the roll.
        api.MapGet("/organisations", ListAsync).RequireAccess(MembershipAccess.ReadTree, ScopeRef.Query("rootId", MembershipScopes.Organisation)).WithName("ListOrganisations")
            .WithSummary("党组织列表（可按类型、类别、上级、名称、状态筛选） / Organisations, page by page, by kind, sector, parent, name and state")
            .WithDescription("rootId 限定为某组织及其下级（书记须指定本组织或其下级组织）；state 为 open（默认）、closed 或 all。 / rootId limits the list to a subtree (a secretary must give their own organisation or one below it); state is open (default), closed or all.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/organisations/tree", TreeAsync).RequireAccess(MembershipAccess.ReadTree, ScopeRef.Query("rootId", MembershipScopes.Organisation)).WithName("GetOrganisationTree")
            .WithSummary("组织树 / The organisation tree below a root")
            .WithDescription("从 rootId（默认镇党委）起的组织树；书记须指定本组织或其下级组织。includeClosed 为 true 时含已撤销组织。 / The tree from rootId (by default the town committee); a secretary must give their own organisation or one below it.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<Page<OrganisationResponse>>, ProblemHttpResult>> ListAsync(
        MembershipDbContext db, Guid? rootId, Guid? parentId, string? kind, string? sector, string? name, string? state, int? page, int? pageSize,
        CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var kindFilter = QueryEnums.Parse<OrganisationKind>("kind", kind, errors);
        var sectorFilter = QueryEnums.Parse<OrganisationSector>("sector", sector, errors);
        var stateFilter = state?.Trim().ToLowerInvariant() ?? "open";
        if (stateFilter is not ("open" or "closed" or "all"))
        {
            errors.Add(new FieldError("state", "field.wrong-value", "状态应为 open、closed 或 all。", "state must be open, closed or all."));
        }

        if (name?.Trim() is { Length: > Organisation.MaxNameLength })
        {
            errors.Add(new FieldError("name", "field.too-long", $"名称不超过 {Organisation.MaxNameLength} 个字符。", $"The name is at most {Organisation.MaxNameLength} characters."));
        }

        var (number, size, skip) = Paging.Normalise(page, pageSize);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var query = db.Organisations.AsNoTracking();
        if (rootId is { } root)
        {
            if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == new OrganisationId(root), ct) is not { } top)
            {
                return Problems.NotFound("党组织", "organisation");
            }

            query = query.Where(o => o.Path.StartsWith(top.Path));
        }

        if (parentId is { } parent)
        {
            query = query.Where(o => o.ParentId == new OrganisationId(parent));
        }

        if (kindFilter is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }

        if (sectorFilter is { } s)
        {
            query = query.Where(o => o.Sector == s);
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            var pattern = "%" + Like(name.Trim()) + "%";
            query = query.Where(o => EF.Functions.ILike(o.Name, pattern, "\\") || (o.EconomicCooperative != null && EF.Functions.ILike(o.EconomicCooperative, pattern, "\\")));
        }

        query = stateFilter switch
        {
            "closed" => query.Where(o => o.ClosedAt != null),
            "all" => query,
            _ => query.Where(o => o.ClosedAt == null),
        };
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(o => o.Path).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<OrganisationResponse>(items.Select(OrganisationResponse.From).ToList(), number, size, total));
    }

    private static async Task<Results<Ok<OrganisationTreeNode>, ProblemHttpResult>> TreeAsync(
        MembershipDbContext db, Guid? rootId, bool? includeClosed, CancellationToken ct)
    {
        var root = rootId is { } id
            ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == new OrganisationId(id), ct)
            : await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.ParentId == null, ct);
        if (root is null)
        {
            return Problems.NotFound("党组织", "organisation");
        }

        // A town has hundreds of organisations: the subtree is read whole and assembled here.
        var query = db.Organisations.AsNoTracking().Where(o => o.Path.StartsWith(root.Path));
        if (includeClosed != true)
        {
            query = query.Where(o => o.ClosedAt == null || o.Id == root.Id);
        }

        var rows = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).ToListAsync(ct);
        var children = rows.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value.Value);
        return TypedResults.Ok(Node(root));

        OrganisationTreeNode Node(Organisation o) =>
            new(o.Id.Value, o.Name, o.Kind, OrganisationLabels.Of(o.Kind), o.Sector, OrganisationLabels.Of(o.Sector), o.EconomicCooperative, o.IsClosed,
                children[o.Id.Value].Select(Node).ToList());
    }

    private static string Like(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
