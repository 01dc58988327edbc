using Lishui.Shared.Security;
using static Lishui.Shared.Security.Grant;
using Scopes = Lishui.PracticalProjects.Security.PracticalProjectsScopes;

namespace Lishui.PracticalProjects.Security;

/// <summary>
/// The rules PracticalProjects' endpoints declare beside their routes. Residents reach the public
/// pages, the request status page, the echo wall and ratings without a token (rate-limited per client);
/// town administrators do everything, auditors read everything; a secretary reads and changes what lies
/// in their own organisation's subtree (a project's responsible organisation, the village a request was
/// addressed to, a collection's cooperative, a post's village); Notification reads requester contacts.
/// </summary>
public static class PracticalProjectsAccess
{
    public static readonly AccessRule Anyone = AccessRule.Of(Public);
    public static readonly AccessRule ReadSubtree = AccessRule.Of(Town, AuditorRead, SecretaryOfSubtree);
    public static readonly AccessRule ChangeSubtree = AccessRule.Of(Town, SecretaryOfSubtree);
    public static readonly AccessRule VisitSubtree = AccessRule.Of(Town, SecretaryOfSubtree, Self);
    public static readonly AccessRule TownOnly = AccessRule.Of(Town);
    public static readonly AccessRule TownRead = AccessRule.Of(Town, AuditorRead);

    /// <summary>A requester's clear phone: the town, auditors, and Notification with its service scope.</summary>
    public static readonly AccessRule ContactRead = TownRead.WithService(PlatformScopes.ContactsRead);

    public static readonly ScopeRef OrganisationInQuery = ScopeRef.Query("organisationId", Scopes.Organisation);
    public static readonly ScopeRef OrganisationInBody = ScopeRef.Body("organisationId", Scopes.Organisation);
    public static readonly ScopeRef ProjectInRoute = ScopeRef.Route("id", Scopes.Project);
    public static readonly ScopeRef RequestInRoute = ScopeRef.Route("id", Scopes.ResidentRequest);
    public static readonly ScopeRef CollectionInRoute = ScopeRef.Route("id", Scopes.OpinionCollection);
    public static readonly ScopeRef VisitInRoute = ScopeRef.Route("id", Scopes.OpinionCollectionVisit);
    public static readonly ScopeRef PostInRoute = ScopeRef.Route("id", Scopes.EchoPost);
}
