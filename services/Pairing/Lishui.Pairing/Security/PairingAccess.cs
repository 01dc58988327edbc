using Lishui.Shared.Security;

namespace Lishui.Pairing.Security;

/// <summary>
/// The rules Pairing's endpoints declare beside their routes. An organisation pairing lies in both of
/// its organisations (the organ branch and the village): a secretary of either side's subtree works on
/// it (<see cref="PairingScopes"/>). Arranging pairings and stationing town leaders is the town party
/// committee's (town administrators); villages and branches then run them. A member reads their own
/// partners and logs contacts of their own pairs, and reads their own organisation's Tuesday. The town's
/// Tuesday as a whole (times, places, topics, stationed leaders' names) is public.
/// </summary>
public static class PairingAccess
{
    public static readonly AccessRule TownOnly = AccessRule.Of(Grant.Town);

    /// <summary>Anyone without signing in (rate-limited per client).</summary>
    public static readonly AccessRule Anyone = AccessRule.Of(Grant.Public);

    /// <summary>The town's figures: the town and auditors.</summary>
    public static readonly AccessRule TownRead = AccessRule.Of(Grant.Town, Grant.AuditorRead);

    /// <summary>Reads about an organisation or something that lies in one.</summary>
    public static readonly AccessRule SubtreeRead = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree);

    /// <summary>Changes to something that lies in an organisation (auditors change nothing).</summary>
    public static readonly AccessRule SubtreeChange = AccessRule.Of(Grant.Town, Grant.SecretaryOfSubtree);

    /// <summary>Reads of a member's own things: also by that member.</summary>
    public static readonly AccessRule SubtreeOrOwnRead = AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree, Grant.Self);

    /// <summary>Changes to a member's own things: also by that member.</summary>
    public static readonly AccessRule SubtreeOrOwnChange = AccessRule.Of(Grant.Town, Grant.SecretaryOfSubtree, Grant.Self);

    /// <summary>A resident's clear contact: as subtree reads, and Notification with its service scope.</summary>
    public static readonly AccessRule ContactRead = SubtreeRead.WithService(PlatformScopes.ContactsRead);

    public static readonly ScopeRef Pairing = ScopeRef.Route("id", PairingScopes.Pairing);
    public static readonly ScopeRef Schedule = ScopeRef.Route("id", PairingScopes.StationingSchedule);
    public static readonly ScopeRef Visit = ScopeRef.Route("id", PairingScopes.StationingVisit);
    public static readonly ScopeRef Request = ScopeRef.Route("id", PairingScopes.ResidentRequest);
    public static readonly ScopeRef Position = ScopeRef.Route("id", PairingScopes.ServicePosition);
    public static readonly ScopeRef Group = ScopeRef.Route("id", PairingScopes.Organisation);
    public static readonly ScopeRef Member = ScopeRef.Route("id", PairingScopes.Member);
    public static readonly ScopeRef OrganisationInQuery = ScopeRef.Query("organisationId", PairingScopes.Organisation);
    public static readonly ScopeRef VillageInQuery = ScopeRef.Query("villageCommitteeId", PairingScopes.Organisation);
}
