using MassTransit;

namespace Lishui.Contracts.PracticalProjects;

/// <summary>
/// The resident who raised a request said, with its reference number, that the answer (or the finished
/// project) did not solve it: the request is handled again. Nothing about the requester is carried; the
/// reason is the resident's own words. Aggregate: the request; organisation: the village it concerns.
/// </summary>
[MessageUrn("lishui:projects:resident-request-reopened:v1")]
public sealed record ResidentRequestReopened : IntegrationEvent
{
    public required Guid RequestId { get; init; }

    public required string ReferenceNumber { get; init; }

    /// <summary>Answered or TurnedIntoProject: what did not solve it.</summary>
    public required string PreviousStatus { get; init; }

    /// <summary>The project that did not solve it, when the request had become one.</summary>
    public required Guid? ProjectId { get; init; }

    public required string Reason { get; init; }

    public required DateOnly ReopenedOn { get; init; }

    /// <summary>How many times the request has been reopened, this one included.</summary>
    public required int Reopenings { get; init; }
}
