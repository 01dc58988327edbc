using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Contracts.Membership;
using Lishui.Contracts.Pairing;
using Lishui.Contracts.PracticalProjects;
using Lishui.Contracts.Public;
using Lishui.Shared.Domain;

namespace Lishui.Notification.PublicEvents.Catalogue;

/// <summary>A public event about to be written: its type, its data, what it is about and when it happened.</summary>
public sealed record PublicEventDraft(PublicEventType Type, object Data, string Subject, DateTimeOffset Time, Guid SourceEventId);

/// <summary>
/// Which internal events become which public ones, and what of them is left out. Internal contracts
/// may change; these mappings keep each public version stable. A new public version is added here
/// next to the old one, and both are published until the old one's deprecation date.
/// </summary>
public static class PublicEventMapping
{
    public static IEnumerable<PublicEventDraft> From(MemberRegistered e) =>
        Drafts(e, e.MemberId, new MemberRegisteredV1 { MemberId = e.MemberId, OrganisationId = e.OrganisationId, Status = e.Status, JoinedYear = e.JoinedOn.Year });

    public static IEnumerable<PublicEventDraft> From(OrganisationCreated e) =>
        Drafts(e, e.AggregateId, new OrganisationCreatedV1
        {
            OrganisationId = e.AggregateId, ParentId = e.ParentId, Name = e.Name, Kind = e.Kind, EconomicCooperative = e.EconomicCooperative,
        });

    public static IEnumerable<PublicEventDraft> From(AssessmentNoticePublished e) =>
        Drafts(e, e.NoticeId, new NoticePublishedV1
        {
            NoticeId = e.NoticeId, SchemeId = e.SchemeId, OrganisationId = e.OrganisationId, Year = e.Year, SubjectType = e.SubjectType,
            SubjectCount = e.SubjectCount, WindowOpensOn = e.WindowOpensOn, WindowClosesOn = e.WindowClosesOn,
        });

    public static IEnumerable<PublicEventDraft> From(ProjectStatusChanged e) => e.Status switch
    {
        "Approved" => Drafts(e, e.ProjectId, new ProjectApprovedV1 { ProjectId = e.ProjectId, OrganisationId = e.OrganisationId, ApprovedOn = e.EffectiveOn }),
        "Completed" => Drafts(e, e.ProjectId, new ProjectCompletedV1 { ProjectId = e.ProjectId, OrganisationId = e.OrganisationId, CompletedOn = e.EffectiveOn }),
        _ => [],
    };

    public static IEnumerable<PublicEventDraft> From(OpinionCollectionCompleted e) =>
        Drafts(e, e.CollectionId, new OpinionCollectionCompletedV1
        {
            CollectionId = e.CollectionId, ProjectId = e.ProjectId, OrganisationId = e.OrganisationId, AffectedHouseholds = e.AffectedHouseholds,
            Agree = e.Agree, Disagree = e.Disagree, Abstain = e.Abstain, NotVisited = e.NotVisited, AgreeShare = e.AgreeShare,
            ThresholdPercent = e.ThresholdPercent, Passed = e.Passed,
        });

    public static IEnumerable<PublicEventDraft> From(StudySessionHeld e) =>
        Drafts(e, e.SessionId, new StudySessionHeldV1
        {
            SessionId = e.SessionId, OrganisationId = e.OrganisationId, VillageCommitteeId = e.VillageCommitteeId, HeldOn = e.HeldOn,
            Present = e.Present, Excused = e.Excused, Absent = e.Absent,
        });

    /// <summary>Every version of a fact is published side by side, each until its deprecation date.</summary>
    private static IEnumerable<PublicEventDraft> Drafts(IntegrationEvent source, Guid subject, params object[] versions) =>
        versions
            .Select(data => new PublicEventDraft(PublicEventCatalog.Of(data.GetType()), data, subject.ToString(), source.OccurredAt.ToUniversalTime(), source.EventId))
            .Where(d => !d.Type.IsDeprecatedOn(TownCalendar.DateOf(source.OccurredAt)));
}
