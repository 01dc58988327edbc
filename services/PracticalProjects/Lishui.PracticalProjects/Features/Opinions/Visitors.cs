using System.Security.Claims;
using Lishui.Contracts.Membership;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Opinions;

/// <summary>
/// Who made a visit: a member on the roll. An ordinary member records only their own visits; a town
/// administrator or the cooperative's secretary records any member's (a visit written up from paper).
/// </summary>
public static class Visitors
{
    /// <summary>The member the visit is recorded under, or the 400/403 problem that says why not.</summary>
    public static async Task<Guid> ResolveAsync(
        ProjectsDbContext db, ClaimsPrincipal user, PracticalProjectsScopes scopes, Guid collectionId, Guid? visitedBy, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var scope = await scopes.FindAsync(PracticalProjectsScopes.OpinionCollection, collectionId.ToString(), ct);
        var byOffice = caller.IsInRole(PlatformRoles.TownAdministrator)
            || (caller.IsInRole(PlatformRoles.OrganisationSecretary) && caller.OrganisationId is { } own && scope?.OrganisationAndAncestors.Contains(own) == true);
        if (!byOffice)
        {
            // Let through as a visiting member (the access table's Self grant): their own visits only.
            if (caller.MemberId is null || (visitedBy is { } other && other != caller.MemberId))
            {
                throw new RequestValidationException([new FieldError("visitedBy", "opinion.visit-not-own",
                    "党员只能记录本人的入户走访（visitedBy 应为本人或不填）。", "A member records only their own visits (visitedBy must be you, or left out).")],
                    StatusCodes.Status403Forbidden);
            }

            return caller.MemberId!.Value;
        }

        if (visitedBy is not { } visitor)
        {
            throw new RequestValidationException([new FieldError("visitedBy", "field.required", "请填写入户走访的党员（visitedBy）。", "Name the member who made the visit (visitedBy).")]);
        }

        if (!await db.Set<LocalMember>().AnyAsync(m => m.MemberId == visitor && MemberStatuses.OnRoll.Contains(m.Status), ct))
        {
            throw new RequestValidationException([new FieldError("visitedBy", "opinion.visitor-unknown",
                "走访人不在党员名册中（或尚未同步，或已不在册）。", "The visitor is not an active member on the roll (or not yet known here).")]);
        }

        return visitor;
    }
}
