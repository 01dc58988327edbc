using MassTransit;

namespace Lishui.Contracts.Membership;

/// <summary>
/// A member took an office in the event's organisation: their own, one above it (a branch member on the
/// village committee), or for a stationed leader the village committee they are stationed in.
/// </summary>
[MessageUrn("lishui:membership:member-role-assigned:v1")]
public sealed record MemberRoleAssigned : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    /// <summary>Secretary, DeputySecretary, CommitteeMember, GroupLeader or StationedLeader.</summary>
    public required string Role { get; init; }

    public required DateOnly AssignedOn { get; init; }
}

/// <summary>A member left an office in the event's organisation (also when transferred or leaving the roll).</summary>
[MessageUrn("lishui:membership:member-role-revoked:v1")]
public sealed record MemberRoleRevoked : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    public required string Role { get; init; }

    public required DateOnly RevokedOn { get; init; }
}
