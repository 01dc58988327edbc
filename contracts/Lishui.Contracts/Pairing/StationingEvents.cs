using MassTransit;

namespace Lishui.Contracts.Pairing;

/// <summary>
/// A resident raised a request during a stationing visit (驻点). PracticalProjects tracks it to an answer
/// or a project. The requester's contact is not carried: when <see cref="ContactHeld"/> is true, Pairing
/// holds it and hands it to an authorised caller. Aggregate: the request; organisation: the village committee.
/// </summary>
[MessageUrn("lishui:pairing:resident-request-raised:v1")]
public sealed record ResidentRequestRaised : IntegrationEvent
{
    public required Guid RequestId { get; init; }

    /// <summary>Public reference number the resident can look the request up with.</summary>
    public required string ReferenceNumber { get; init; }

    public required Guid StationingVisitId { get; init; }

    public required Guid VillageCommitteeId { get; init; }

    /// <summary>The town leader stationed in the village.</summary>
    public required Guid StationedLeaderMemberId { get; init; }

    public required DateOnly RaisedOn { get; init; }

    /// <summary>Set when a household raised it.</summary>
    public required Guid? RaisedByHouseholdId { get; init; }

    /// <summary>Set when a named resident raised it (the name as given, nothing else about them).</summary>
    public required string? RaisedByName { get; init; }

    /// <summary>What is asked for, in the resident's words as recorded.</summary>
    public required string Subject { get; init; }

    public required string Location { get; init; }

    /// <summary>Education, HealthCare, Housing, EnvironmentalProtection, PublicSecurity, RuralRevitalisation or Other.</summary>
    public required string Category { get; init; }

    /// <summary>Whether the requester left a contact with Pairing (to be told of the answer).</summary>
    public required bool ContactHeld { get; init; }
}

/// <summary>A stationed leader's visit starts soon (Notification reminds the leader). Aggregate: the visit.</summary>
[MessageUrn("lishui:pairing:stationing-visit-reminder-due:v1")]
public sealed record StationingVisitReminderDue : IntegrationEvent
{
    public required Guid StationingVisitId { get; init; }

    public required Guid LeaderMemberId { get; init; }

    public required Guid VillageCommitteeId { get; init; }

    public required DateTimeOffset StartsAt { get; init; }

    public required string Place { get; init; }
}
