using Lishui.Shared.Security;
using static Lishui.Shared.Security.Grant;

namespace Lishui.Membership.Security;

/// <summary>
/// Who may call which Membership endpoint, in one table. Town administrators may do
/// everything, auditors read everything; a secretary reads and changes their own organisation's subtree;
/// a member reads their own record; Notification reads contacts with its service scope.
/// </summary>
public static class MembershipAccess
{
    private static readonly AccessRule ReadSubtree = AccessRule.Of(Town, AuditorRead, SecretaryOfSubtree);
    private static readonly AccessRule ReadSubtreeOrOwn = AccessRule.Of(Town, AuditorRead, SecretaryOfSubtree, Self);
    private static readonly AccessRule ChangeSubtree = AccessRule.Of(Town, SecretaryOfSubtree);
    private static readonly AccessRule TownOnly = AccessRule.Of(Town);
    private static readonly AccessRule TownRead = AccessRule.Of(Town, AuditorRead);

    private static readonly ScopeRef MemberInRoute = ScopeRef.Route("id", MembershipScopes.Member);
    private static readonly ScopeRef OrganisationInRoute = ScopeRef.Route("id", MembershipScopes.Organisation);
    private static readonly ScopeRef OrganisationInQuery = ScopeRef.Query("organisationId", MembershipScopes.Organisation);

    public static readonly AccessPolicy Policy = new AccessPolicy()
        // The roll: a secretary must name an organisation of their subtree to list or export it.
        .Allow("GET /members", ReadSubtree, OrganisationInQuery)
        .Allow("GET /members/export.csv", ReadSubtree, OrganisationInQuery)
        .Allow("POST /members", ChangeSubtree,
            ScopeRef.Body("organisationId", MembershipScopes.Organisation))
        .Allow("GET /members/{id}", ReadSubtreeOrOwn, MemberInRoute)
        .Allow("PUT /members/{id}", ChangeSubtree, MemberInRoute)
        .Allow("PATCH /members/{id}", ChangeSubtree, MemberInRoute)

        // Clear personal data: every read is logged with the token's caller.
        .Allow("GET /members/{id}/contact", ReadSubtreeOrOwn.WithService(PlatformScopes.ContactsRead), MemberInRoute)
        .Allow("GET /personal-data-access-log", TownRead)

        .Allow("POST /members/{id}/status-changes", ChangeSubtree, MemberInRoute)
        .Allow("GET /members/{id}/status-changes", ReadSubtreeOrOwn, MemberInRoute)
        .Allow("GET /members/{id}/status-changes/{changeId}", ReadSubtreeOrOwn, MemberInRoute)

        // A transfer is decided where the member is now: a secretary cannot pull members out of another village.
        .Allow("POST /members/{id}/transfers", ChangeSubtree, MemberInRoute)
        .Allow("GET /members/{id}/transfers", ReadSubtreeOrOwn, MemberInRoute)
        .Allow("GET /members/{id}/transfers/{transferId}", ReadSubtreeOrOwn, MemberInRoute)

        .Allow("POST /members/{id}/roles", ChangeSubtree, MemberInRoute)
        .Allow("POST /members/{id}/roles/{role}/revoke", ChangeSubtree, MemberInRoute)
        .Allow("GET /members/{id}/roles", ReadSubtreeOrOwn, MemberInRoute)
        .Allow("GET /members/{id}/roles/{assignmentId}", ReadSubtreeOrOwn, MemberInRoute)

        // A roll import goes into one organisation (its rows must lie below it); town-wide imports are the town's.
        .Allow("POST /member-imports", ChangeSubtree, OrganisationInQuery)
        .Allow("GET /member-imports", ReadSubtree, OrganisationInQuery)
        .Allow("GET /member-imports/{id}", ReadSubtree, ScopeRef.Route("id", MembershipScopes.Import))

        // Withdrawal advice is the party committee's decision: its secretary (or one above it) handles the case.
        .Allow("GET /withdrawal-advice-cases", ReadSubtree, ScopeRef.Query("partyCommitteeId", MembershipScopes.Organisation))
        .Allow("GET /withdrawal-advice-cases/{id}", ReadSubtree, ScopeRef.Route("id", MembershipScopes.WithdrawalCase))
        .Allow("POST /withdrawal-advice-cases/{id}/decision", ChangeSubtree, ScopeRef.Route("id", MembershipScopes.WithdrawalCase))

        // Commendations (表彰): on the member as member reads are; per organisation for its secretary.
        .Allow("GET /members/{id}/commendations", ReadSubtreeOrOwn, MemberInRoute)
        .Allow("GET /commendations", ReadSubtree, OrganisationInQuery)

        // Organisational talks (组织谈话): held by the member's organisation, so its secretary (or one above) lists and records them.
        .Allow("GET /organisational-talks", ReadSubtree, OrganisationInQuery)
        .Allow("GET /organisational-talks/{id}", ReadSubtree, ScopeRef.Route("id", MembershipScopes.OrganisationalTalk))
        .Allow("POST /organisational-talks/{id}/record", ChangeSubtree, ScopeRef.Route("id", MembershipScopes.OrganisationalTalk))

        .Allow("POST /households", ChangeSubtree,
            ScopeRef.Body("organisationId", MembershipScopes.Organisation))
        .Allow("PUT /households/{id}", ChangeSubtree, ScopeRef.Route("id", MembershipScopes.Household))
        .Allow("GET /households/{id}", ReadSubtree, ScopeRef.Route("id", MembershipScopes.Household))
        .Allow("GET /households", ReadSubtree, OrganisationInQuery)

        // The tree itself holds nothing personal: every member may read it. Setting it up is the town's.
        .Allow("POST /organisations", TownOnly)
        .Allow("PUT /organisations/{id}/name", TownOnly)
        .Allow("POST /organisations/{id}/move", TownOnly)
        .Allow("POST /organisations/{id}/close", TownOnly)
        .Allow("PUT /organisations/{id}/sector", TownOnly)
        // Lists without an id: a secretary names their own organisation (or one below it) as the root, as with the roll.
        .Allow("GET /organisations", AccessRule.Of(Town, AuditorRead, MemberRead, SecretaryOfSubtree), ScopeRef.Query("rootId", MembershipScopes.Organisation))
        .Allow("GET /organisations/tree", AccessRule.Of(Town, AuditorRead, MemberRead, SecretaryOfSubtree), ScopeRef.Query("rootId", MembershipScopes.Organisation))
        .Allow("GET /organisations/{id}", AccessRule.Of(Town, AuditorRead, MemberRead, SecretaryOfSubtree), OrganisationInRoute)
        .Allow("GET /organisations/{id}/subtree", AccessRule.Of(Town, AuditorRead, MemberRead, SecretaryOfSubtree), OrganisationInRoute);
}
