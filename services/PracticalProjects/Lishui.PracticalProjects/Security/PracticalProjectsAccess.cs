using Lishui.Shared.Security;
using static Lishui.Shared.Security.Grant;
using Scopes = Lishui.PracticalProjects.Security.PracticalProjectsScopes;

namespace Lishui.PracticalProjects.Security;

/// <summary>
/// Who may call which PracticalProjects endpoint, in one table. Residents reach the public
/// pages, the request status page, the echo wall and ratings without a token (rate-limited per client);
/// town administrators do everything, auditors read everything; a secretary reads and changes what lies
/// in their own organisation's subtree (a project's responsible organisation, the village a request was
/// addressed to, a collection's cooperative, a post's village); Notification reads requester contacts.
/// </summary>
public static class PracticalProjectsAccess
{
    private static readonly AccessRule Anyone = AccessRule.Of(Public);
    private static readonly AccessRule ReadSubtree = AccessRule.Of(Town, AuditorRead, SecretaryOfSubtree);
    private static readonly AccessRule ChangeSubtree = AccessRule.Of(Town, SecretaryOfSubtree);
    private static readonly AccessRule VisitSubtree = AccessRule.Of(Town, SecretaryOfSubtree, Self);

    private static readonly ScopeRef OrganisationInQuery = ScopeRef.Query("organisationId", Scopes.Organisation);
    private static readonly ScopeRef ProjectInRoute = ScopeRef.Route("id", Scopes.Project);
    private static readonly ScopeRef RequestInRoute = ScopeRef.Route("id", Scopes.ResidentRequest);
    private static readonly ScopeRef CollectionInRoute = ScopeRef.Route("id", Scopes.OpinionCollection);
    private static readonly ScopeRef VisitInRoute = ScopeRef.Route("id", Scopes.OpinionCollectionVisit);
    private static readonly ScopeRef PostInRoute = ScopeRef.Route("id", Scopes.EchoPost);

    public static readonly AccessPolicy Policy = new AccessPolicy()
        // Residents, without signing in.
        .Allow("GET /public/projects", Anyone)
        .Allow("GET /public/projects/{id}", Anyone)
        .Allow("GET /public/projects/export.csv", Anyone)
        .Allow("GET /public/projects/export.json", Anyone)
        .Allow("GET /public/requests/{referenceNumber}", Anyone)
        .Allow("POST /public/requests/{referenceNumber}/not-solved", Anyone)
        .Allow("GET /public/echo-wall", Anyone)
        .Allow("GET /public/funds/{year}", Anyone)
        .Allow("GET /public/batches", Anyone)
        .Allow("POST /echo-wall/posts", Anyone)
        .Allow("POST /projects/{id}/ratings", Anyone)

        // Projects: the responsible organisation's subtree; a secretary lists by naming an organisation of theirs.
        .Allow("GET /projects", ReadSubtree, OrganisationInQuery)
        .Allow("POST /projects", ChangeSubtree,
            ScopeRef.Body("responsibleOrganisationId", Scopes.Organisation))
        .Allow("GET /projects/{id}", ReadSubtree, ProjectInRoute)
        .Allow("POST /projects/{id}/status-changes", ChangeSubtree, ProjectInRoute)
        .Allow("POST /projects/{id}/progress", ChangeSubtree, ProjectInRoute)
        .Allow("POST /projects/{id}/grants", ChangeSubtree, ProjectInRoute)
        .Allow("POST /projects/{id}/milestones", ChangeSubtree, ProjectInRoute)
        .Allow("POST /projects/{id}/milestones/{milestoneId}/reached", ChangeSubtree, ProjectInRoute)
        .Allow("POST /projects/{id}/updates", ChangeSubtree, ProjectInRoute)

        // Household opinion collections: the cooperative's organisation.
        .Allow("POST /opinion-collections", ChangeSubtree,
            ScopeRef.Body("organisationId", Scopes.Organisation))
        .Allow("GET /opinion-collections", ReadSubtree, OrganisationInQuery)
        .Allow("GET /opinion-collections/{id}", ReadSubtree, CollectionInRoute)
        .Allow("GET /household-register", ReadSubtree, OrganisationInQuery)
        // A visit: the cooperative's secretary or the town for anyone's, a member of that village for their own.
        .Allow("POST /opinion-collections/{id}/positions", VisitSubtree, VisitInRoute)
        .Allow("GET /opinion-collections/{id}/positions", ReadSubtree, CollectionInRoute)
        .Allow("POST /opinion-collections/{id}/signatures", VisitSubtree, VisitInRoute)
        .Allow("GET /opinion-collections/{id}/signatures/{signatureId}", ReadSubtree, CollectionInRoute)
        .Allow("POST /opinion-collections/{id}/completion", ChangeSubtree, CollectionInRoute)

        // Resident requests: the village they were addressed to.
        .Allow("GET /resident-requests", ReadSubtree, OrganisationInQuery)
        .Allow("POST /resident-requests", ChangeSubtree,
            ScopeRef.Body("organisationId", Scopes.Organisation))
        .Allow("GET /resident-requests/{id}", ReadSubtree, RequestInRoute)
        .Allow("POST /resident-requests/{id}/acceptance", ChangeSubtree, RequestInRoute)
        .Allow("POST /resident-requests/{id}/answer", ChangeSubtree, RequestInRoute)
        .Allow("POST /resident-requests/{id}/merge", ChangeSubtree, RequestInRoute)
        .Allow("POST /resident-requests/{id}/project", ChangeSubtree, RequestInRoute)

        // A requester's clear phone: Notification (service scope) to tell them the answer; every read logged.
        .Allow("GET /resident-requests/{id}/contact", AccessRule.Of(Town, AuditorRead).WithService(PlatformScopes.ContactsRead))
        .Allow("GET /resident-requests/{id}/contact-access-log", ReadSubtree, RequestInRoute)

        // Echo-wall moderation: the village a post is addressed to (the town's when none).
        .Allow("GET /echo-wall/posts", ReadSubtree, OrganisationInQuery)
        .Allow("GET /echo-wall/posts/{id}", ReadSubtree, PostInRoute)
        .Allow("POST /echo-wall/posts/{id}/answers", ChangeSubtree, PostInRoute)
        .Allow("POST /echo-wall/posts/{id}/hide", ChangeSubtree, PostInRoute)
        .Allow("POST /echo-wall/posts/{id}/restore", ChangeSubtree, PostInRoute)
        .Allow("POST /echo-wall/posts/{id}/link", ChangeSubtree, PostInRoute)
        .Allow("POST /echo-wall/posts/{id}/resident-request", ChangeSubtree, PostInRoute)

        // The special fund is the town's: only the town sets its budget.
        .Allow("PUT /funds/{year}", AccessRule.Of(Town))
        .Allow("POST /batches", AccessRule.Of(Town))

        .Allow("GET /local-members", ReadSubtree, OrganisationInQuery)

        // The town overview's figures per village: the whole town's, read by the town and auditors.
        .Allow("GET /statistics/villages", AccessRule.Of(Town, AuditorRead));
}
