using MassTransit;

namespace Lishui.Contracts.PracticalProjects;

/// <summary>
/// A resident request is now tracked here (from a stationing visit, the echo wall or a cadre's entry).
/// Nothing about the requester is carried. Aggregate: the request; organisation: the village it concerns.
/// </summary>
[MessageUrn("lishui:projects:resident-request-received:v1")]
public sealed record ResidentRequestReceived : IntegrationEvent
{
    public required Guid RequestId { get; init; }

    public required string ReferenceNumber { get; init; }

    /// <summary>StationingVisit, EchoWall or Cadre.</summary>
    public required string Origin { get; init; }

    /// <summary>Pairing's request id when it came from a stationing visit.</summary>
    public required Guid? PairingRequestId { get; init; }

    /// <summary>Education, HealthCare, Housing, EnvironmentalProtection, PublicSecurity, RuralRevitalisation or Other.</summary>
    public required string Category { get; init; }

    public required DateOnly ReceivedOn { get; init; }
}

/// <summary>A resident request was accepted for handling (受理).</summary>
[MessageUrn("lishui:projects:resident-request-accepted:v1")]
public sealed record ResidentRequestAccepted : IntegrationEvent
{
    public required Guid RequestId { get; init; }

    public required string ReferenceNumber { get; init; }

    public required DateOnly AcceptedOn { get; init; }
}

/// <summary>A resident request was merged into another one asking the same; the other carries on.</summary>
[MessageUrn("lishui:projects:resident-request-merged:v1")]
public sealed record ResidentRequestMerged : IntegrationEvent
{
    public required Guid RequestId { get; init; }

    public required string ReferenceNumber { get; init; }

    public required Guid MergedIntoRequestId { get; init; }

    public required string MergedIntoReferenceNumber { get; init; }

    public required DateOnly MergedOn { get; init; }
}
