using MassTransit;

namespace Lishui.Contracts.Pairing;

/// <summary>Paired members were in contact. The summary is not carried: it stays with Pairing. Aggregate: the member pair.</summary>
[MessageUrn("lishui:pairing:contact-logged:v1")]
public sealed record ContactLogged : IntegrationEvent
{
    public required Guid MemberPairId { get; init; }

    public required Guid PairingId { get; init; }

    public required Guid OrganMemberId { get; init; }

    public required Guid VillageMemberId { get; init; }

    public required DateOnly ContactedOn { get; init; }

    /// <summary>Visit, Phone or Meeting.</summary>
    public required string Channel { get; init; }
}

/// <summary>A member pair missed its contact due date; published once per overdue period.</summary>
[MessageUrn("lishui:pairing:contact-overdue:v1")]
public sealed record ContactOverdue : IntegrationEvent
{
    public required Guid MemberPairId { get; init; }

    public required Guid PairingId { get; init; }

    public required Guid OrganMemberId { get; init; }

    public required Guid VillageMemberId { get; init; }

    /// <summary>The contact due date that passed without a contact.</summary>
    public required DateOnly DueOn { get; init; }

    public required DateOnly? LastContactedOn { get; init; }
}
