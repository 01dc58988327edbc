using Lishui.Contracts;
using Lishui.Contracts.PracticalProjects;
using Lishui.PracticalProjects.Domain.Requests;

namespace Lishui.PracticalProjects.Features.Requests;

/// <summary>The integration events of a request's steps (metadata: the request, its village, its version).</summary>
public static class RequestEvents
{
    public static ResidentRequestReceived Received(ResidentRequest r, DateTimeOffset now) => new ResidentRequestReceived
    {
        RequestId = r.Id.Value,
        ReferenceNumber = r.ReferenceNumber,
        Origin = r.Origin.ToString(),
        PairingRequestId = r.PairingRequestId,
        Category = r.Category.ToString(),
        ReceivedOn = r.ReceivedOn,
    }.About(r.Id.Value, r.OrganisationId, r.Version, now);

    public static ResidentRequestAccepted Accepted(ResidentRequest r, DateTimeOffset now) => new ResidentRequestAccepted
    {
        RequestId = r.Id.Value,
        ReferenceNumber = r.ReferenceNumber,
        AcceptedOn = r.AcceptedOn!.Value,
    }.About(r.Id.Value, r.OrganisationId, r.Version, now);

    public static ResidentRequestAnswered Answered(ResidentRequest r, DateTimeOffset now) => new ResidentRequestAnswered
    {
        RequestId = r.Id.Value,
        ReferenceNumber = r.ReferenceNumber,
        Origin = r.Origin.ToString(),
        Reply = r.Reply!,
        ReceivedOn = r.ReceivedOn,
        AnsweredOn = r.AnsweredOn!.Value,
        ContactHeldBy = r.ContactHeldBy,
        ContactRequestId = r.ContactRequestId,
    }.About(r.Id.Value, r.OrganisationId, r.Version, now);

    public static ResidentRequestMerged Merged(ResidentRequest r, ResidentRequest into, DateTimeOffset now) => new ResidentRequestMerged
    {
        RequestId = r.Id.Value,
        ReferenceNumber = r.ReferenceNumber,
        MergedIntoRequestId = into.Id.Value,
        MergedIntoReferenceNumber = into.ReferenceNumber,
        MergedOn = r.DecidedOn!.Value,
    }.About(r.Id.Value, r.OrganisationId, r.Version, now);

    public static ResidentRequestTurnedIntoProject TurnedIntoProject(ResidentRequest r, string projectTitle, DateTimeOffset now) => new ResidentRequestTurnedIntoProject
    {
        RequestId = r.Id.Value,
        ReferenceNumber = r.ReferenceNumber,
        Origin = r.Origin.ToString(),
        ProjectId = r.ProjectId!.Value,
        ProjectTitle = projectTitle,
        ReceivedOn = r.ReceivedOn,
        DecidedOn = r.DecidedOn!.Value,
        ContactHeldBy = r.ContactHeldBy,
        ContactRequestId = r.ContactRequestId,
    }.About(r.Id.Value, r.OrganisationId, r.Version, now);

    public static ResidentRequestReopened Reopened(ResidentRequest r, RequestStatusChange change, DateOnly today, DateTimeOffset now) => new ResidentRequestReopened
    {
        RequestId = r.Id.Value,
        ReferenceNumber = r.ReferenceNumber,
        PreviousStatus = change.From.ToString(),
        ProjectId = change.From == RequestStatus.TurnedIntoProject ? r.ProjectId : null,
        Reason = change.Note!,
        ReopenedOn = today,
        Reopenings = r.History.Count(h => h.To == RequestStatus.Reopened),
    }.About(r.Id.Value, r.OrganisationId, r.Version, now);
}
