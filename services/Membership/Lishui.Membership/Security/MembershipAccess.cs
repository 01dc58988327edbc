using Lishui.Shared.Security;
using static Lishui.Shared.Security.Grant;

namespace Lishui.Membership.Security;

/// <summary>
/// The rules Membership's endpoints declare beside their routes. Town administrators may do
/// everything, auditors read everything; a secretary reads and changes their own organisation's subtree;
/// a member reads their own record; Notification reads contacts with its service scope.
/// </summary>
public static class MembershipAccess
{
    public static readonly AccessRule ReadSubtree = AccessRule.Of(Town, AuditorRead, SecretaryOfSubtree);
    public static readonly AccessRule ReadSubtreeOrOwn = AccessRule.Of(Town, AuditorRead, SecretaryOfSubtree, Self);
    public static readonly AccessRule ChangeSubtree = AccessRule.Of(Town, SecretaryOfSubtree);
    public static readonly AccessRule TownOnly = AccessRule.Of(Town);
    public static readonly AccessRule TownRead = AccessRule.Of(Town, AuditorRead);

    /// <summary>The organisation tree holds nothing personal: every member may read it.</summary>
    public static readonly AccessRule ReadTree = AccessRule.Of(Town, AuditorRead, MemberRead, SecretaryOfSubtree);

    /// <summary>A member's clear contact: as member reads are, and Notification with its service scope.</summary>
    public static readonly AccessRule ReadContact = ReadSubtreeOrOwn.WithService(PlatformScopes.ContactsRead);

    public static readonly ScopeRef MemberInRoute = ScopeRef.Route("id", MembershipScopes.Member);
    public static readonly ScopeRef OrganisationInRoute = ScopeRef.Route("id", MembershipScopes.Organisation);
    public static readonly ScopeRef OrganisationInQuery = ScopeRef.Query("organisationId", MembershipScopes.Organisation);
    public static readonly ScopeRef OrganisationInBody = ScopeRef.Body("organisationId", MembershipScopes.Organisation);
}
