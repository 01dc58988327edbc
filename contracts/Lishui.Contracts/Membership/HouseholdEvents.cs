using MassTransit;

namespace Lishui.Contracts.Membership;

/// <summary>
/// A household of an economic cooperative was recorded (the event's organisation is the cooperative's
/// party–mass group). The address stays in Membership.
/// </summary>
[MessageUrn("lishui:membership:household-registered:v1")]
public sealed record HouseholdRegistered : IntegrationEvent
{
    public required Guid HouseholdId { get; init; }

    public required string HeadName { get; init; }

    public required int MembersCount { get; init; }

    public required string EconomicCooperative { get; init; }
}

/// <summary>A household's head or size changed (an address change alone is also announced, without the address).</summary>
[MessageUrn("lishui:membership:household-changed:v1")]
public sealed record HouseholdChanged : IntegrationEvent
{
    public required Guid HouseholdId { get; init; }

    public required string HeadName { get; init; }

    public required int MembersCount { get; init; }
}
