using Lishui.Contracts.Assessment;
using Lishui.Contracts.Membership;
using Lishui.Contracts.Pairing;
using Lishui.Contracts.PracticalProjects;
using Lishui.Shared.Messaging;
using MassTransit;

namespace Lishui.Notification.PublicEvents.Messaging;

/// <summary>
/// A second bus instance for the open event interface: the public-event consumers, their queues
/// (<c>{prefix}-public-{event}</c>) and their connection kept apart from Notification's own, so neither
/// side's load affects the other. Same conventions as every service's bus.
/// </summary>
public interface IPublicEventsBus : IBus;

public static class PublicEventsBus
{
    public static IHostApplicationBuilder AddPublicEventsBus(this IHostApplicationBuilder builder, string serviceName) =>
        builder.AddPlatformBus<IPublicEventsBus>((builder.Configuration["Messaging:EndpointPrefix"] ?? serviceName) + "-public", bus =>
        {
            bus.AddEventConsumer<MemberRegisteredToPublic, MemberRegistered>();
            bus.AddEventConsumer<OrganisationCreatedToPublic, OrganisationCreated>();
            bus.AddEventConsumer<NoticePublishedToPublic, AssessmentNoticePublished>();
            bus.AddEventConsumer<ProjectStatusChangedToPublic, ProjectStatusChanged>();
            bus.AddEventConsumer<OpinionCollectionCompletedToPublic, OpinionCollectionCompleted>();
            bus.AddEventConsumer<StudySessionHeldToPublic, StudySessionHeld>();
        });
}
