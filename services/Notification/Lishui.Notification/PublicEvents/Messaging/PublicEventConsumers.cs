using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Contracts.Membership;
using Lishui.Contracts.Pairing;
using Lishui.Contracts.PracticalProjects;
using Lishui.Notification.PublicEvents.Catalogue;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Shared.Messaging;

namespace Lishui.Notification.PublicEvents.Messaging;

/// <summary>
/// Maps one internal event to its public events. The inbox row, the archive rows, the AMQP outbox
/// rows and the webhook deliveries commit together, so a redelivered internal event publishes nothing twice.
/// </summary>
public abstract class PublicEventConsumer<TMessage>(PublicEventsDb db, CloudEventWriter writer) : IdempotentConsumer<TMessage, PublicEventsDb>(db)
    where TMessage : IntegrationEvent
{
    protected override Task HandleAsync(TMessage message, CancellationToken ct) => writer.WriteAsync(Db, [.. Map(message)], ct);

    protected abstract IEnumerable<PublicEventDraft> Map(TMessage message);
}

public sealed class MemberRegisteredToPublic(PublicEventsDb db, CloudEventWriter writer) : PublicEventConsumer<MemberRegistered>(db, writer)
{
    protected override IEnumerable<PublicEventDraft> Map(MemberRegistered message) => PublicEventMapping.From(message);
}

public sealed class OrganisationCreatedToPublic(PublicEventsDb db, CloudEventWriter writer) : PublicEventConsumer<OrganisationCreated>(db, writer)
{
    protected override IEnumerable<PublicEventDraft> Map(OrganisationCreated message) => PublicEventMapping.From(message);
}

public sealed class NoticePublishedToPublic(PublicEventsDb db, CloudEventWriter writer) : PublicEventConsumer<AssessmentNoticePublished>(db, writer)
{
    protected override IEnumerable<PublicEventDraft> Map(AssessmentNoticePublished message) => PublicEventMapping.From(message);
}

public sealed class ProjectStatusChangedToPublic(PublicEventsDb db, CloudEventWriter writer) : PublicEventConsumer<ProjectStatusChanged>(db, writer)
{
    protected override IEnumerable<PublicEventDraft> Map(ProjectStatusChanged message) => PublicEventMapping.From(message);
}

public sealed class OpinionCollectionCompletedToPublic(PublicEventsDb db, CloudEventWriter writer) : PublicEventConsumer<OpinionCollectionCompleted>(db, writer)
{
    protected override IEnumerable<PublicEventDraft> Map(OpinionCollectionCompleted message) => PublicEventMapping.From(message);
}

public sealed class StudySessionHeldToPublic(PublicEventsDb db, CloudEventWriter writer) : PublicEventConsumer<StudySessionHeld>(db, writer)
{
    protected override IEnumerable<PublicEventDraft> Map(StudySessionHeld message) => PublicEventMapping.From(message);
}
