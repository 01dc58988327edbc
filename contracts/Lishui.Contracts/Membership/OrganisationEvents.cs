using MassTransit;

namespace Lishui.Contracts.Membership;

/// <summary>A party organisation was set up in the town's tree. For these events the aggregate and the organisation are the same.</summary>
[MessageUrn("lishui:membership:organisation-created:v1")]
public sealed record OrganisationCreated : IntegrationEvent
{
    /// <summary>Null only for the town party committee, the root.</summary>
    public required Guid? ParentId { get; init; }

    public required string Name { get; init; }

    /// <summary>PartyCommittee, GeneralBranch, Branch or PartyMassGroup.</summary>
    public required OrganisationKind Kind { get; init; }

    /// <summary>The economic cooperative of a party–mass group; null otherwise.</summary>
    public required string? EconomicCooperative { get; init; }

    /// <summary>
    /// Town, Village (村/社区), Organ (机关), Education, PublicAsset or TwoNew (两新组织); null when not
    /// classified (and in events published before sectors were kept).
    /// </summary>
    public string? Sector { get; init; }
}

/// <summary>The organisation and its whole subtree now belong to another sector (see <see cref="OrganisationCreated.Sector"/>).</summary>
[MessageUrn("lishui:membership:organisation-reclassified:v1")]
public sealed record OrganisationReclassified : IntegrationEvent
{
    public required string? PreviousSector { get; init; }

    public required string Sector { get; init; }
}

[MessageUrn("lishui:membership:organisation-renamed:v1")]
public sealed record OrganisationRenamed : IntegrationEvent
{
    public required string Name { get; init; }
}

/// <summary>The organisation and its whole subtree now hang under another parent.</summary>
[MessageUrn("lishui:membership:organisation-moved:v1")]
public sealed record OrganisationMoved : IntegrationEvent
{
    public required Guid PreviousParentId { get; init; }

    public required Guid ParentId { get; init; }
}

/// <summary>The organisation was closed (撤销); it had no open sub-organisations and no members.</summary>
[MessageUrn("lishui:membership:organisation-closed:v1")]
public sealed record OrganisationClosed : IntegrationEvent;
