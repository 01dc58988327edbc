using Lishui.Contracts.Membership;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.EchoWall;
using Lishui.PracticalProjects.Domain.Opinions;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Security;

/// <summary>
/// Which organisation (with its ancestors, nearest first, from the local organisation tree) a
/// PracticalProjects resource lies in, for a secretary's subtree check.
/// </summary>
public sealed class PracticalProjectsScopes(ProjectsDbContext db, IHttpContextAccessor http) : IScopeLookup
{
    public const string Organisation = "organisation";
    public const string Project = "project";
    public const string ResidentRequest = "resident-request";
    public const string OpinionCollection = "opinion-collection";

    /// <summary>
    /// A collection as a visiting member sees it: besides the cooperative's organisation, the calling
    /// member when they belong to that village (or the group itself), so an ordinary member records the
    /// visits they made there.
    /// </summary>
    public const string OpinionCollectionVisit = "opinion-collection-visit";
    public const string EchoPost = "echo-post";

    public async ValueTask<ResourceScope?> FindAsync(string kind, string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
        {
            return null;
        }

        switch (kind)
        {
            case Organisation:
                return await OfOrganisationAsync(guid, ct);
            case Project:
                return await OfProjectAsync(guid, ct);
            case ResidentRequest:
                return await OfRequestAsync(guid, ct);
            case OpinionCollection:
                return await OfCollectionAsync(guid, ct);
            case OpinionCollectionVisit:
                return await OfCollectionAsync(guid, ct) is { } visited
                    ? visited with { MemberId = await VisitingMemberAsync(visited, ct) }
                    : null;
            case EchoPost:
                var post = await db.EchoPosts.AsNoTracking().Where(p => p.Id == new EchoPostId(guid))
                    .Select(p => new { p.OrganisationId, p.LinkedRequestId }).FirstOrDefaultAsync(ct);
                if (post is null)
                {
                    return null;
                }

                // A post addressed to no village (and linked to no request) is the town's to moderate.
                return (post.OrganisationId is { } organisation ? await OfOrganisationAsync(organisation, ct) : null)
                    ?? (post.LinkedRequestId is { } request ? await OfRequestAsync(request, ct) : null)
                    ?? ResourceScope.Town;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "PracticalProjects has no resources of this kind.");
        }
    }

    private async Task<ResourceScope?> OfCollectionAsync(Guid id, CancellationToken ct)
    {
        var collection = await db.OpinionCollections.AsNoTracking().Where(c => c.Id == new OpinionCollectionId(id))
            .Select(c => new { c.OrganisationId, c.ProjectId }).FirstOrDefaultAsync(ct);
        if (collection is null)
        {
            return null;
        }

        // The cooperative's organisation; the project's when that group is not in the local tree.
        return await OfOrganisationAsync(collection.OrganisationId, ct)
            ?? (collection.ProjectId is { } project ? await OfProjectAsync(project, ct) : null);
    }

    /// <summary>The calling member, when on the roll in the collection's village (below the town) or in the group itself.</summary>
    private async Task<Guid?> VisitingMemberAsync(ResourceScope collection, CancellationToken ct)
    {
        var caller = Caller.From(http.HttpContext?.User);
        if (!caller.IsInRole(PlatformRoles.Member) || caller.MemberId is not { } me || collection.OrganisationAndAncestors.Count == 0)
        {
            return null;
        }

        var organisation = await db.Set<LocalMember>().AsNoTracking().Where(m => m.MemberId == me && MemberStatuses.OnRoll.Contains(m.Status))
            .Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(ct);
        if (organisation is not { } own)
        {
            return null;
        }

        var belowTown = collection.OrganisationAndAncestors.Take(collection.OrganisationAndAncestors.Count - 1);
        return belowTown.Contains(own) || (await db.AncestorsAndSelfAsync(own, ct)).Contains(collection.OrganisationAndAncestors[0]) ? me : null;
    }

    private async Task<ResourceScope?> OfProjectAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.Projects.AsNoTracking().Where(p => p.Id == new ProjectId(id))
            .Select(p => (Guid?)p.ResponsibleOrganisationId).FirstOrDefaultAsync(ct);
        return organisation is { } responsible ? await OfOrganisationAsync(responsible, ct) ?? ResourceScope.Town : null;
    }

    private async Task<ResourceScope?> OfRequestAsync(Guid id, CancellationToken ct)
    {
        var organisation = await db.ResidentRequests.AsNoTracking().Where(r => r.Id == new ResidentRequestId(id))
            .Select(r => (Guid?)r.OrganisationId).FirstOrDefaultAsync(ct);
        return organisation is { } addressedTo ? await OfOrganisationAsync(addressedTo, ct) ?? ResourceScope.Town : null;
    }

    private Task<ResourceScope?> OfOrganisationAsync(Guid organisation, CancellationToken ct) =>
        db.ScopeOfLocalOrganisationAsync(organisation, null, ct);
}
