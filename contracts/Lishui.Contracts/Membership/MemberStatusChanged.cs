using MassTransit;

namespace Lishui.Contracts.Membership;

/// <summary>
/// A member's standing on the roll changed (转正, 转出, 劝退, 退党, 除名, 去世). The reason stays in
/// Membership: it may be personal.
/// </summary>
[MessageUrn("lishui:membership:member-status-changed:v1")]
public sealed record MemberStatusChanged : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    /// <summary>Probationary, Full, TransferredOut, WithdrawalAdvised, Withdrawn, RemovedFromRoll or Deceased.</summary>
    public required MemberStatus Status { get; init; }

    public required MemberStatus PreviousStatus { get; init; }

    public required DateOnly EffectiveOn { get; init; }

    /// <summary>Whether the member still counts on the organisation's roll (false once they left it).</summary>
    public required bool OnRoll { get; init; }
}
