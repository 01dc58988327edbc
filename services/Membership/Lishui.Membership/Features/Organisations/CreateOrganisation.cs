using Lishui.Contracts.Membership;
using Lishui.Membership.Data;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.Organisations;

/// <summary>
/// <c>sector</c> may be left out: below a classified organisation it is the parent's, directly under the
/// town the organisation stays unclassified until given one.
/// </summary>
public sealed record CreateOrganisationRequest(string Name, OrganisationKind Kind, Guid? ParentId, string? EconomicCooperative, OrganisationSector? Sector = null);

/// <summary>POST /organisations: set up an organisation under an open parent (the root has none).</summary>
public static class CreateOrganisation
{
    public static RouteHandlerBuilder MapCreateOrganisation(this IEndpointRouteBuilder api) =>
        // Setting up the organisation tree is the town's (every member may read it: it holds nothing personal).
        api.MapPost("/organisations", HandleAsync).RequireAccess(MembershipAccess.TownOnly)
            .WithName("CreateOrganisation")
            .WithSummary("设立党组织 / Create an organisation")
            .Accepts<CreateOrganisationRequest>("application/json")
            .Produces<OrganisationResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<Results<Created<OrganisationResponse>, IdempotentReplay, ProblemHttpResult>> HandleAsync(
        ValidatedBody<CreateOrganisationRequest> body, MembershipDbContext db, TimeProvider time, HttpContext http)
    {
        var request = body.Value;
        // Checks against current state run only for a new request: a retry replays the first answer.
        return await db.CreateOnceAsync(http, "organisations.create", request, async ct =>
        {
            var parent = await ParentAsync(db, request, ct);
            var now = time.GetUtcNow();
            var organisation = Organisation.Create(
                new OrganisationId(Guid.CreateVersion7(now)), request.Name, request.Kind, parent, request.EconomicCooperative, now, request.Sector);
            db.Organisations.Add(organisation);
            return (OrganisationResponse.From(organisation), $"/organisations/{organisation.Id.Value}");
        }, time);
    }

    private static async Task<Organisation?> ParentAsync(MembershipDbContext db, CreateOrganisationRequest request, CancellationToken ct)
    {
        if (request.ParentId is not { } parentId)
        {
            if (await db.Organisations.AnyAsync(o => o.ParentId == null, ct))
            {
                throw new RequestValidationException([new FieldError("parentId", "organisation.root-exists", "镇党委已存在，请指定上级组织。", "The town committee exists already; give a parent.")]);
            }

            return null;
        }

        return await db.Organisations.FirstOrDefaultAsync(o => o.Id == new OrganisationId(parentId), ct)
            ?? throw new RequestValidationException([new FieldError("parentId", "organisation.parent-unknown", "上级组织不存在。", "The parent organisation does not exist.")]);
    }
}
