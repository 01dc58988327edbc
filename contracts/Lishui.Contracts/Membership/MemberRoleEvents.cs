using MassTransit;

namespace Lishui.Contracts.Membership;

/// <summary>A member took an office in their organisation (the event's organisation).</summary>
[MessageUrn("lishui:membership:member-role-assigned:v1")]
public sealed record MemberRoleAssigned : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    /// <summary>Secretary, DeputySecretary, CommitteeMember or GroupLeader.</summary>
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
