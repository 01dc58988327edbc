namespace Lishui.Shared.Security;

/// <summary>The roles a caller's token may carry (claim <see cref="PlatformClaims.Role"/>), as the town's identity provider issues them.</summary>
public static class PlatformRoles
{
    /// <summary>Town party committee's administrators: the whole town.</summary>
    public const string TownAdministrator = "TownAdministrator";

    /// <summary>A secretary: their own organisation (claim <see cref="PlatformClaims.Organisation"/>) and its descendants.</summary>
    public const string OrganisationSecretary = "OrganisationSecretary";

    /// <summary>A party member: their own record, points, inbox and pairing (claim <see cref="PlatformClaims.Member"/>).</summary>
    public const string Member = "Member";

    /// <summary>Reads everything, changes nothing; every clear personal-data read is logged.</summary>
    public const string Auditor = "Auditor";

    /// <summary>Another government system: its own event subscriptions only.</summary>
    public const string ExternalSystem = "ExternalSystem";

    public static readonly IReadOnlyList<string> All = [TownAdministrator, OrganisationSecretary, Member, Auditor, ExternalSystem];
}

/// <summary>Claim names the platform reads (the identity provider maps its own to these).</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Organisation = "lishui_org";
    public const string Member = "lishui_member";

    /// <summary>OAuth scopes, space-separated; service identities carry e.g. <c>lishui.contacts.read</c>.</summary>
    public const string Scope = "scope";
    public const string ClientId = "client_id";
}

/// <summary>Scopes services grant each other (client-credentials tokens).</summary>
public static class PlatformScopes
{
    /// <summary>Read a person's clear contact details at delivery time (Notification → Membership, Pairing, PracticalProjects).</summary>
    public const string ContactsRead = "lishui.contacts.read";

    /// <summary>The public web portal reading and filing on residents' behalf (it throttles them itself).</summary>
    public const string PublicPortal = "lishui.portal.public";
}
