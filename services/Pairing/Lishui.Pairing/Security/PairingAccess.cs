using Lishui.Shared.Security;

namespace Lishui.Pairing.Security;

/// <summary>
/// Who may call which Pairing endpoint, in one place. An organisation pairing lies in both of
/// its organisations (the organ branch and the village): a secretary of either side's subtree works on
/// it (<see cref="PairingScopes"/>). Arranging pairings and stationing town leaders is the town party
/// committee's (town administrators); villages and branches then run them. A member reads their own
/// partners and logs contacts of their own pairs, and reads their own organisation's Tuesday. The town's
/// Tuesday as a whole (times, places, topics, stationed leaders' names) is public.
/// </summary>
public static class PairingAccess
{
    private static readonly AccessRule TownOnly = AccessRule.Of(Grant.Town);

    /// <summary>Reads about an organisation or something that lies in one.</summary>
    private static readonly AccessRule SubtreeRead = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree);

    /// <summary>Changes to something that lies in an organisation (auditors change nothing).</summary>
    private static readonly AccessRule SubtreeChange = AccessRule.Of(Grant.Town, Grant.SecretaryOfSubtree);

    private static readonly ScopeRef Pairing = ScopeRef.Route("id", PairingScopes.Pairing);
    private static readonly ScopeRef Schedule = ScopeRef.Route("id", PairingScopes.StationingSchedule);
    private static readonly ScopeRef Visit = ScopeRef.Route("id", PairingScopes.StationingVisit);
    private static readonly ScopeRef Request = ScopeRef.Route("id", PairingScopes.ResidentRequest);
    private static readonly ScopeRef Position = ScopeRef.Route("id", PairingScopes.ServicePosition);
    private static readonly ScopeRef Group = ScopeRef.Route("id", PairingScopes.Organisation);

    public static readonly AccessPolicy Policy = new AccessPolicy()
        // The public portal's home page: the town's Tuesday without sign-in (rate-limited per client).
        .Allow("GET /public/this-tuesday", AccessRule.Of(Grant.Public))

        // Service positions (党群服务阵地): the town and an organisation's secretaries keep its places;
        // where they are is public.
        .Allow("GET /public/service-positions", AccessRule.Of(Grant.Public))
        .Allow("POST /service-positions", SubtreeChange, ScopeRef.Body("organisationId", PairingScopes.Organisation))
        .Allow("GET /service-positions", SubtreeRead, ScopeRef.Query("organisationId", PairingScopes.Organisation))
        .Allow("GET /service-positions/{id}", SubtreeRead, Position)
        .Allow("PUT /service-positions/{id}", SubtreeChange, Position)
        .Allow("DELETE /service-positions/{id}", SubtreeChange, Position)

        // This service's view of the roll: a secretary names an organisation of their subtree.
        .Allow("GET /local-members", SubtreeRead, ScopeRef.Query("organisationId", PairingScopes.Organisation))

        // Organisation pairings: the town pairs organ branches with villages; either side's secretaries run them.
        .Allow("POST /organisation-pairings", TownOnly)
        .Allow("GET /organisation-pairings", SubtreeRead, ScopeRef.Query("organisationId", PairingScopes.Organisation))
        .Allow("GET /organisation-pairings/{id}", SubtreeRead, Pairing)
        .Allow("POST /organisation-pairings/{id}/end", TownOnly)
        .Allow("POST /organisation-pairings/{id}/pairing-list", SubtreeChange, Pairing)
        .Allow("GET /organisation-pairings/{id}/pairing-list", SubtreeRead, Pairing)
        .Allow("PUT /organisation-pairings/{id}/pins", SubtreeChange, Pairing)
        .Allow("GET /organisation-pairings/{id}/pins", SubtreeRead, Pairing)
        .Allow("PUT /organisation-pairings/{id}/study-schedule", SubtreeChange, Pairing)
        .Allow("POST /organisation-pairings/{id}/study-sessions", SubtreeChange, Pairing)
        .Allow("GET /organisation-pairings/{id}/study-sessions", SubtreeRead, Pairing)
        .Allow("GET /organisation-pairings/{id}/study-calendar", SubtreeRead, Pairing)
        .Allow("PUT /organisation-pairings/{id}/study-calendar/{weekOf}/topic", SubtreeChange, Pairing)
        .Allow("POST /organisation-pairings/{id}/study-calendar/{weekOf}/skip", SubtreeChange, Pairing)
        .Allow("POST /organisation-pairings/{id}/study-calendar/{weekOf}/move", SubtreeChange, Pairing)

        // A member's own partners, pairs and Tuesday attendance, and the contact log of their own pairs (either side reads it).
        .Allow("GET /members/{id}/partners", AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self),
            ScopeRef.Route("id", PairingScopes.Member))
        .Allow("GET /members/{id}/member-pairs", AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self),
            ScopeRef.Route("id", PairingScopes.Member))
        .Allow("GET /members/{id}/study-attendance", AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self),
            ScopeRef.Route("id", PairingScopes.Member))
        .Allow("POST /member-pairs/{id}/contacts", AccessRule.Of(Grant.Town, Grant.SecretaryOfSubtree, Grant.Self),
            ScopeRef.Route("id", PairingScopes.MemberPair))
        .Allow("GET /member-pairs/{id}/contacts", AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self),
            ScopeRef.Route("id", PairingScopes.MemberPair))

        // Per organisation: compliance for its secretaries; the Tuesday view also for its own members.
        .Allow("GET /organisations/{id}/contact-compliance", SubtreeRead, ScopeRef.Route("id", PairingScopes.Organisation))
        .Allow("GET /organisations/{id}/contact-status", SubtreeRead, ScopeRef.Route("id", PairingScopes.Organisation))
        .Allow("GET /organisations/{id}/this-tuesday", AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self),
            ScopeRef.Route("id", PairingScopes.MemberOrganisation))

        // Party–mass groups' monthly discussions: recorded and read by the group's secretaries up the tree.
        .Allow("POST /party-mass-groups/{id}/discussions", SubtreeChange, Group)
        .Allow("GET /party-mass-groups/{id}/discussions", SubtreeRead, Group)
        .Allow("GET /party-mass-discussions/{id}", SubtreeRead, ScopeRef.Route("id", PairingScopes.PartyMassDiscussion))

        // Stationing: the town stations its leaders; the village's secretaries follow the visits.
        .Allow("POST /stationing-schedules", TownOnly)
        .Allow("GET /stationing-schedules", SubtreeRead, ScopeRef.Query("villageCommitteeId", PairingScopes.Organisation))
        .Allow("GET /stationing-schedules/{id}", SubtreeRead, Schedule)
        .Allow("POST /stationing-schedules/{id}/end", TownOnly)
        .Allow("GET /stationing-schedules/{id}/visits", SubtreeRead, Schedule)
        .Allow("POST /stationing-schedules/{id}/visits", SubtreeChange, Schedule)
        .Allow("GET /stationing-visits/{id}", SubtreeRead, Visit)

        // Resident requests raised at a visit lie in its village. The clear contact is also read by
        // Notification (service identity) at delivery time; every read is logged by the endpoint.
        .Allow("POST /stationing-visits/{id}/resident-requests", SubtreeChange, Visit)
        .Allow("GET /resident-requests", SubtreeRead, ScopeRef.Query("villageCommitteeId", PairingScopes.Organisation))
        .Allow("GET /resident-requests/{id}", SubtreeRead, Request)
        .Allow("GET /resident-requests/{id}/contact", SubtreeRead.WithService(PlatformScopes.ContactsRead), Request)
        .Allow("GET /resident-requests/{id}/contact-reads", SubtreeRead, Request)

        // The town overview's figures per village: the whole town's, read by the town and auditors.
        .Allow("GET /statistics/villages", AccessRule.Of(Grant.Town, Grant.AuditorRead));
}
