using Lishui.Membership.Data;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Protection;
using Lishui.Membership.Security;
using Lishui.Membership.Web;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.ListMembers;

/// <summary>
/// GET /members: the roll page by page, filtered by organisation (optionally its whole subtree),
/// status (comma-separated), cohort, ID number (found by its keyed hash), part of the name, the year joined, and sorted by name
/// (default), joinedOn or birthDate ("-" for descending).
/// </summary>
public static class ListMembers
{
    public static RouteHandlerBuilder MapListMembers(this IEndpointRouteBuilder api) =>
        // The roll: a secretary must name an organisation of their subtree to list or export it.
        api.MapGet("/members", HandleAsync).RequireAccess(MembershipAccess.ReadSubtree, MembershipAccess.OrganisationInQuery).WithName("ListMembers").WithSummary("党员名册 / List members, page by page")
            .ProducesValidationProblem();

    private static async Task<Page<MemberResponse>> HandleAsync(
        MembershipDbContext db, MemberResponses responses, PersonalDataProtector protector, Guid? organisationId, bool? includeDescendants,
        string? status, string? cohort, string? sort, string? idNumber, string? name, int? joinedYear, int? page, int? pageSize, CancellationToken ct)
    {
        var query = await RollQuery.QueryAsync(db, responses, protector, new MemberFilter(organisationId, includeDescendants, status, cohort, sort, idNumber, name, joinedYear), ct);
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await query.Skip(skip).Take(size).ToListAsync(ct);
        return new Page<MemberResponse>(await responses.OfAsync(db, items, ct), number, size, total);
    }
}
