using MassTransit;

namespace Lishui.Contracts.Membership;

/// <summary>
/// A person was entered on the member roll (党员名册). Carries no ID-card or phone number:
/// subscribers that need contact details ask Membership, with permission.
/// </summary>
[MessageUrn("lishui:membership:member-registered:v1")]
public sealed record MemberRegistered : IntegrationEvent
{
    public required Guid MemberId { get; init; }
    public required string Name { get; init; }

    /// <summary>Probationary or Full.</summary>
    public required MemberStatus Status { get; init; }

    public required DateOnly JoinedOn { get; init; }
}
