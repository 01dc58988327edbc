using MassTransit;

namespace Lishui.Contracts.Membership;

/// <summary>
/// A member's roll entry moved to another organisation inside the town. The event's
/// <see cref="IntegrationEvent.OrganisationId"/> is the new organisation.
/// </summary>
[MessageUrn("lishui:membership:member-transferred:v1")]
public sealed record MemberTransferred : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    public required Guid FromOrganisationId { get; init; }

    public required Guid ToOrganisationId { get; init; }

    public required DateOnly EffectiveOn { get; init; }
}
