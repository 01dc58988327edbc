using Lishui.Membership.Data;
using Lishui.Membership.Domain.Households;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.Households;

public sealed record RegisterHouseholdRequest(Guid OrganisationId, string HeadName, string Address, int MembersCount) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (OrganisationId == Guid.Empty)
        {
            yield return new FieldError("organisationId", "field.required", "请指定经济社对应的党群小组。", "The party–mass group is required.");
        }
    }
}

public sealed record ChangeHouseholdRequest(string HeadName, string Address, int MembersCount, long? ExpectedVersion);

public sealed record HouseholdResponse(
    Guid Id, Guid OrganisationId, string EconomicCooperative, string HeadName, string Address, int MembersCount, DateTimeOffset RegisteredAt, long Version)
{
    public static HouseholdResponse Of(Household h) =>
        new(h.Id.Value, h.OrganisationId, h.EconomicCooperative, h.HeadName, h.Address, h.MembersCount, h.RegisteredAt, h.Version);
}

/// <summary>Households of the economic cooperatives: register, change, read, list (by group or a whole village's subtree).</summary>
public static class Households
{
    public static IEndpointRouteBuilder MapHouseholds(this IEndpointRouteBuilder api)
    {
        api.MapPost("/households", RegisterAsync).RequireAccess(MembershipAccess.ChangeSubtree, MembershipAccess.OrganisationInBody)
            .WithName("RegisterHousehold")
            .WithSummary("登记农户 / Register a household of an economic cooperative")
            .Accepts<RegisterHouseholdRequest>("application/json")
            .Produces<HouseholdResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPut("/households/{id:guid}", ChangeAsync).RequireAccess(MembershipAccess.ChangeSubtree, ScopeRef.Route("id", MembershipScopes.Household))
            .WithName("ChangeHousehold").WithSummary("变更农户信息 / Change a household's details")
            .Accepts<ChangeHouseholdRequest>("application/json");
        api.MapGet("/households/{id:guid}", GetAsync).RequireAccess(MembershipAccess.ReadSubtree, ScopeRef.Route("id", MembershipScopes.Household)).WithName("GetHousehold").WithSummary("查看农户 / Get a household");
        api.MapGet("/households", ListAsync).RequireAccess(MembershipAccess.ReadSubtree, MembershipAccess.OrganisationInQuery).WithName("ListHouseholds")
            .WithSummary("农户名单（可含下级组织） / List households, page by page, optionally over an organisation's subtree");
        return api;
    }

    private static async Task<Results<Created<HouseholdResponse>, IdempotentReplay, ProblemHttpResult>> RegisterAsync(
        ValidatedBody<RegisterHouseholdRequest> body, MembershipDbContext db, TimeProvider time, HttpContext http)
    {
        var request = body.Value;
        return await db.CreateOnceAsync(http, "households.register", request, async ct =>
        {
            var group = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == new OrganisationId(request.OrganisationId), ct)
                ?? throw new RequestValidationException([new FieldError("organisationId", "organisation.unknown",
                    "党群小组不存在。", "The party–mass group does not exist.")]);
            var now = time.GetUtcNow();
            var household = Household.Register(new HouseholdId(Guid.CreateVersion7(now)), group, request.HeadName, request.Address, request.MembersCount, now);
            db.Households.Add(household);
            return (HouseholdResponse.Of(household), $"/households/{household.Id.Value}");
        }, time);
    }

    private static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id, ValidatedBody<ChangeHouseholdRequest> body, MembershipDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await db.Households.FirstOrDefaultAsync(h => h.Id == new HouseholdId(id), ct) is not { } household)
        {
            return Problems.NotFound("农户", "household");
        }

        var request = body.Value;
        VersionCheck.EnsureVersion(request.ExpectedVersion, household.Version);
        if (household.Change(request.HeadName, request.Address, request.MembersCount, time.GetUtcNow()))
        {
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(HouseholdResponse.Of(household));
    }

    private static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> GetAsync(Guid id, MembershipDbContext db, CancellationToken ct) =>
        await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == new HouseholdId(id), ct) is { } household
            ? TypedResults.Ok(HouseholdResponse.Of(household))
            : Problems.NotFound("农户", "household");

    private static async Task<Page<HouseholdResponse>> ListAsync(
        MembershipDbContext db, Guid? organisationId, bool? includeDescendants, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Households.AsNoTracking();
        if (organisationId is { } org)
        {
            if (includeDescendants == true)
            {
                var subtree = await OrganisationSubtree.IdsAsync(db, org, ct);
                query = query.Where(h => subtree.Contains(h.OrganisationId));
            }
            else
            {
                query = query.Where(h => h.OrganisationId == org);
            }
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(h => h.EconomicCooperative).ThenBy(h => h.HeadName).ThenBy(h => h.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<HouseholdResponse>(items.Select(HouseholdResponse.Of).ToList(), number, size, total);
    }
}
