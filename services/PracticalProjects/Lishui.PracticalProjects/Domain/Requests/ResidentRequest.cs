using Lishui.PracticalProjects.Domain.Projects;
using Lishui.Contracts.PracticalProjects;
using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Requests;

public readonly record struct ResidentRequestId(Guid Value);

/// <summary>Where a request came in: a stationing visit (Pairing), the echo wall, or a cadre's entry.</summary>
public enum RequestOrigin
{
    StationingVisit,
    EchoWall,
    Cadre,
}

public enum RequestStatus
{
    Received,
    Accepted,
    Answered,
    Merged,
    TurnedIntoProject,

    /// <summary>The resident said the answer or the finished project did not solve it: handled again.</summary>
    Reopened,
}

/// <summary>One step of a request, with who decided it and when (the audit and the public dates).</summary>
public sealed record RequestStatusChange(RequestStatus From, RequestStatus To, string DecidedBy, DateTimeOffset RecordedAt, string? Note);

/// <summary>
/// 群众诉求: a resident's request, tracked from receipt to an answer, a merge into another request or
/// a project. The requester's contact is never part of it (held apart, read only with a purpose).
/// </summary>
public sealed class ResidentRequest : AggregateRoot
{
    public const int MaxSubjectLength = 500;
    public const int MaxReplyLength = 2000;
    public const int MaxReopenReasonLength = 500;

    /// <summary>Who the history names for a reopening: the resident, who signs in nowhere.</summary>
    public const string ReopenedByResident = "群众反馈";

    /// <summary>Who holds the requester's contact: Pairing for stationing visits, this service for the rest.</summary>
    public const string ContactHeldByPairing = "pairing";
    public const string ContactHeldByProjects = "projects";

    private readonly List<RequestStatusChange> history = [];

    private ResidentRequest()
    {
        ReferenceNumber = Subject = Location = RecordedBy = string.Empty;
    }

    public ResidentRequestId Id { get; private set; }

    /// <summary>Public reference number: Pairing's for stationing visits, this service's (MS2026-00042) otherwise.</summary>
    public string ReferenceNumber { get; private set; }

    public RequestOrigin Origin { get; private set; }

    /// <summary>Pairing's request id, for requests raised at a stationing visit.</summary>
    public Guid? PairingRequestId { get; private set; }

    public Guid? StationingVisitId { get; private set; }

    public Guid? EchoPostId { get; private set; }

    /// <summary>The village (committee) the request concerns.</summary>
    public Guid OrganisationId { get; private set; }

    public Guid? RaisedByHouseholdId { get; private set; }

    public string Subject { get; private set; }

    /// <summary>Who recorded the request here (a cadre, the echo wall's moderator, or the stationing visit).</summary>
    public string RecordedBy { get; private set; }

    public string Location { get; private set; }

    public ProjectDomain Category { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public string? ContactHeldBy { get; private set; }

    public RequestStatus Status { get; private set; }

    public string? Reply { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public ResidentRequestId? MergedInto { get; private set; }

    public Guid? ProjectId { get; private set; }

    /// <summary>The last overdue period reported (0 = none), so each period is reported once.</summary>
    public int OverduePeriodReported { get; private set; }

    public IReadOnlyList<RequestStatusChange> History => history;

    /// <summary>The id of the request the contact is held under by <see cref="ContactHeldBy"/>.</summary>
    public Guid? ContactRequestId => ContactHeldBy switch
    {
        ContactHeldByPairing => PairingRequestId,
        ContactHeldByProjects => Id.Value,
        _ => null,
    };

    public bool IsOpen => Status is RequestStatus.Received or RequestStatus.Accepted;

    public static ResidentRequest FromStationingVisit(
        ResidentRequestId id, Guid pairingRequestId, string referenceNumber, Guid stationingVisitId, Guid villageCommitteeId, Guid? householdId,
        string subject, string location, ProjectDomain category, DateOnly raisedOn, bool contactHeldByPairing, DateTimeOffset now) =>
        New(id, referenceNumber, RequestOrigin.StationingVisit, villageCommitteeId, householdId, subject, location, category, raisedOn,
            contactHeldByPairing ? ContactHeldByPairing : null, pairingRequestId, stationingVisitId, echoPostId: null, recordedBy: "驻点走访", now);

    /// <summary>A request entered here (by a cadre, or from an echo-wall post); a contact left here is held here.</summary>
    public static ResidentRequest Record(
        ResidentRequestId id, string referenceNumber, RequestOrigin origin, Guid organisationId, Guid? householdId, string subject, string location,
        ProjectDomain category, DateOnly receivedOn, DateOnly today, bool contactLeftHere, Guid? echoPostId, string recordedBy, DateTimeOffset now)
    {
        Rules.Check(new DecidedByMustBeGivenRule(recordedBy, "recordedBy"));
        Rules.Check(new ReceivedOnCannotBeInTheFutureRule(receivedOn, today));
        return New(id, referenceNumber, origin, organisationId, householdId, subject, location, category, receivedOn,
            contactLeftHere ? ContactHeldByProjects : null, null, null, echoPostId, recordedBy.Trim(), now);
    }

    private static ResidentRequest New(
        ResidentRequestId id, string referenceNumber, RequestOrigin origin, Guid organisationId, Guid? householdId, string subject, string location,
        ProjectDomain category, DateOnly receivedOn, string? contactHeldBy, Guid? pairingRequestId, Guid? stationingVisitId, Guid? echoPostId,
        string recordedBy, DateTimeOffset now)
    {
        Rules.Check(new RequestSubjectMustBeGivenRule(subject));
        Rules.Check(new RequestLocationLengthRule(location));
        var request = new ResidentRequest
        {
            Id = id,
            ReferenceNumber = referenceNumber,
            Origin = origin,
            PairingRequestId = pairingRequestId,
            StationingVisitId = stationingVisitId,
            EchoPostId = echoPostId,
            OrganisationId = organisationId,
            RaisedByHouseholdId = householdId,
            Subject = subject.Trim(),
            Location = location.Trim(),
            RecordedBy = recordedBy,
            Category = category,
            ReceivedOn = receivedOn,
            ContactHeldBy = contactHeldBy,
            Status = RequestStatus.Received,
        };
        request.Record(new ResidentRequestReceived
        {
            RequestId = id.Value,
            ReferenceNumber = referenceNumber,
            Origin = origin.ToString(),
            PairingRequestId = pairingRequestId,
            Category = category.ToString(),
            ReceivedOn = receivedOn,
        }, now);
        return request;
    }

    public RequestStatusChange Accept(string decidedBy, string? note, DateOnly today, DateTimeOffset now)
    {
        var change = Move(RequestStatus.Accepted, decidedBy, note, now);
        AcceptedOn = today;
        Record(new ResidentRequestAccepted { RequestId = Id.Value, ReferenceNumber = ReferenceNumber, AcceptedOn = today }, now);
        return change;
    }

    public RequestStatusChange Answer(string reply, string answeredBy, DateOnly today, DateTimeOffset now)
    {
        Rules.Check(new ReplyMustBeGivenRule(reply));
        var change = Move(RequestStatus.Answered, answeredBy, null, now);
        Reply = reply.Trim();
        AnsweredOn = DecidedOn = today;
        Record(new ResidentRequestAnswered
        {
            RequestId = Id.Value,
            ReferenceNumber = ReferenceNumber,
            Origin = Origin.ToString(),
            Reply = Reply,
            ReceivedOn = ReceivedOn,
            AnsweredOn = today,
            ContactHeldBy = ContactHeldBy,
            ContactRequestId = ContactRequestId,
        }, now);
        return change;
    }

    /// <summary>Merges this request into another that asks the same; the other carries on.</summary>
    public RequestStatusChange MergeInto(ResidentRequest target, string decidedBy, string? note, DateOnly today, DateTimeOffset now)
    {
        Rules.Check(new MergeTargetMustBeAnotherOpenRequestRule(target.Id == Id, target.Status));
        var change = Move(RequestStatus.Merged, decidedBy, note, now);
        MergedInto = target.Id;
        DecidedOn = today;
        Record(new ResidentRequestMerged
        {
            RequestId = Id.Value,
            ReferenceNumber = ReferenceNumber,
            MergedIntoRequestId = target.Id.Value,
            MergedIntoReferenceNumber = target.ReferenceNumber,
            MergedOn = today,
        }, now);
        return change;
    }

    public RequestStatusChange TurnIntoProject(Guid projectId, string projectTitle, string decidedBy, string? note, DateOnly today, DateTimeOffset now)
    {
        var change = Move(RequestStatus.TurnedIntoProject, decidedBy, note, now);
        ProjectId = projectId;
        DecidedOn = today;
        Record(new ResidentRequestTurnedIntoProject
        {
            RequestId = Id.Value,
            ReferenceNumber = ReferenceNumber,
            Origin = Origin.ToString(),
            ProjectId = projectId,
            ProjectTitle = projectTitle,
            ReceivedOn = ReceivedOn,
            DecidedOn = today,
            ContactHeldBy = ContactHeldBy,
            ContactRequestId = ContactRequestId,
        }, now);
        return change;
    }

    /// <summary>
    /// 答复了但没解决: the resident says the answer (or the finished project, <paramref name="projectFinished"/>)
    /// did not solve it; the request is handled again, the reason kept in its history.
    /// </summary>
    public RequestStatusChange Reopen(string reason, bool projectFinished, DateTimeOffset now)
    {
        Rules.Check(new ReopenReasonMustBeGivenRule(reason));
        Rules.Check(new ReopenOnlyAfterAnAnswerOrAFinishedProjectRule(Status, projectFinished));
        var previous = Status;
        var change = Move(RequestStatus.Reopened, ReopenedByResident, reason, now);
        DecidedOn = null;
        Record(new ResidentRequestReopened
        {
            RequestId = Id.Value,
            ReferenceNumber = ReferenceNumber,
            PreviousStatus = previous.ToString(),
            ProjectId = previous == RequestStatus.TurnedIntoProject ? ProjectId : null,
            Reason = change.Note!,
            ReopenedOn = TownCalendar.DateOf(now),
            Reopenings = History.Count(h => h.To == RequestStatus.Reopened),
        }, now);
        return change;
    }

    /// <summary>
    /// Unanswered for more than <paramref name="answerWithinDays"/> days: the first period is overdue the day
    /// after the due date, each further period N days later. Returns the period and due date to report, once.
    /// </summary>
    public (int Period, DateOnly DueOn, long Sequence)? MarkOverdue(int answerWithinDays, DateOnly today, DateTimeOffset now)
    {
        if (!IsOpen || OverduePeriods.Current(ReceivedOn, answerWithinDays, today) is not { } period || period <= OverduePeriodReported)
        {
            return null;
        }

        OverduePeriodReported = period;
        var dueOn = ReceivedOn.AddDays(period * answerWithinDays);
        Record(new ResidentRequestOverdue { RequestId = Id.Value, ReferenceNumber = ReferenceNumber, ReceivedOn = ReceivedOn, DueOn = dueOn }, now);
        return (period, dueOn, Version);
    }

    private RequestStatusChange Move(RequestStatus to, string decidedBy, string? note, DateTimeOffset now)
    {
        Rules.Check(new RequestTransitionMustBeLegalRule(Status, to));
        Rules.Check(new DecidedByMustBeGivenRule(decidedBy));
        var change = new RequestStatusChange(Status, to, decidedBy.Trim(), now, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        Status = to;
        history.Add(change);
        return change;
    }

    /// <summary>A request's events are about itself and belong to its village (or the organisation that received it).</summary>
    private void Record<T>(T @event, DateTimeOffset now)
        where T : Lishui.Contracts.IntegrationEvent =>
        Record(@event, Id.Value, OrganisationId, now);
}
