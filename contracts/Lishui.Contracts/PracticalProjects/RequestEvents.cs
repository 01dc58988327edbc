using MassTransit;

namespace Lishui.Contracts.PracticalProjects;

/// <summary>
/// A resident request was answered with a reply. The requester's contact is not carried: when
/// <see cref="ContactHeldBy"/> is set ("pairing" or "projects"), that service holds it under
/// <see cref="ContactRequestId"/>. Aggregate: the request; organisation: the village it concerns.
/// </summary>
[MessageUrn("lishui:projects:resident-request-answered:v1")]
public sealed record ResidentRequestAnswered : IntegrationEvent
{
    public required Guid RequestId { get; init; }

    public required string ReferenceNumber { get; init; }

    /// <summary>StationingVisit, EchoWall or Cadre.</summary>
    public required string Origin { get; init; }

    /// <summary>The official reply (public).</summary>
    public required string Reply { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public required DateOnly AnsweredOn { get; init; }

    public required string? ContactHeldBy { get; init; }

    public required Guid? ContactRequestId { get; init; }
}

/// <summary>A resident request was turned into a project. Contact as in <see cref="ResidentRequestAnswered"/>.</summary>
[MessageUrn("lishui:projects:resident-request-turned-into-project:v1")]
public sealed record ResidentRequestTurnedIntoProject : IntegrationEvent
{
    public required Guid RequestId { get; init; }

    public required string ReferenceNumber { get; init; }

    public required string Origin { get; init; }

    public required Guid ProjectId { get; init; }

    public required string ProjectTitle { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public required DateOnly DecidedOn { get; init; }

    public required string? ContactHeldBy { get; init; }

    public required Guid? ContactRequestId { get; init; }
}

/// <summary>A request stayed unanswered past its due date; once per overdue period.</summary>
[MessageUrn("lishui:projects:resident-request-overdue:v1")]
public sealed record ResidentRequestOverdue : IntegrationEvent
{
    public required Guid RequestId { get; init; }

    public required string ReferenceNumber { get; init; }

    public required DateOnly ReceivedOn { get; init; }

    public required DateOnly DueOn { get; init; }
}

/// <summary>A project is past its planned end and not completed; once per overdue period. Notification tells the responsible cadre.</summary>
[MessageUrn("lishui:projects:project-overdue:v1")]
public sealed record ProjectOverdue : IntegrationEvent
{
    public required Guid ProjectId { get; init; }

    public required string Title { get; init; }

    public required Guid? ResponsibleCadreMemberId { get; init; }

    public required DateOnly PlannedEnd { get; init; }

    /// <summary>1 for the first overdue period, 2 for the next, …</summary>
    public required int OverduePeriod { get; init; }
}
