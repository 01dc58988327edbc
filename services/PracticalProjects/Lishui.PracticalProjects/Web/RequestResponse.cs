using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;

namespace Lishui.PracticalProjects.Web;

public sealed record RequestStepResponse(RequestStatus From, RequestStatus To, string DecidedBy, DateTimeOffset RecordedAt, string? Note);

/// <summary>The cadres' view of a request. The requester's contact is never part of it.</summary>
public sealed record RequestResponse(
    Guid Id, string ReferenceNumber, RequestOrigin Origin, Guid? PairingRequestId, Guid? StationingVisitId, Guid? EchoPostId, Guid OrganisationId,
    Guid? RaisedByHouseholdId, string Subject, string Location, ProjectDomain Category, DateOnly ReceivedOn, string? ContactHeldBy, RequestStatus Status,
    string? Reply, DateOnly? AcceptedOn, DateOnly? AnsweredOn, DateOnly? DecidedOn, Guid? MergedIntoRequestId, Guid? ProjectId,
    IReadOnlyList<RequestStepResponse> History, long Version)
{
    public static RequestResponse From(ResidentRequest r) =>
        new(r.Id.Value, r.ReferenceNumber, r.Origin, r.PairingRequestId, r.StationingVisitId, r.EchoPostId, r.OrganisationId, r.RaisedByHouseholdId,
            r.Subject, r.Location, r.Category, r.ReceivedOn, r.ContactHeldBy, r.Status, r.Reply, r.AcceptedOn, r.AnsweredOn, r.DecidedOn,
            r.MergedInto?.Value, r.ProjectId, r.History.Select(h => new RequestStepResponse(h.From, h.To, h.DecidedBy, h.RecordedAt, h.Note)).ToList(), r.Version);
}
