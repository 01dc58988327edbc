using System.Globalization;
using Lishui.Contracts.PracticalProjects;
using Lishui.Notification.Data;
using Lishui.Notification.Delivery;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Messaging;

namespace Lishui.Notification.Messaging.Triggers;

/// <summary>The requester hears the answer, by SMS, only when they left a contact (fetched from its holder when sent).</summary>
public sealed class ResidentRequestAnsweredConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<ResidentRequestAnswered, NotificationDbContext>(db)
{
    protected override Task HandleAsync(ResidentRequestAnswered message, CancellationToken ct)
    {
        if (message is { ContactHeldBy: { } heldBy, ContactRequestId: { } requestId })
        {
            planner.ToResident(message,
                new MessagePlan(NotificationKind.ResidentRequestAnswered, new Dictionary<string, string> { ["referenceNumber"] = message.ReferenceNumber, ["reply"] = message.Reply }),
                heldBy, requestId);
        }

        return Task.CompletedTask;
    }
}

/// <summary>The requester hears that their request became a project, when they left a contact.</summary>
public sealed class ResidentRequestTurnedIntoProjectConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<ResidentRequestTurnedIntoProject, NotificationDbContext>(db)
{
    protected override Task HandleAsync(ResidentRequestTurnedIntoProject message, CancellationToken ct)
    {
        if (message is { ContactHeldBy: { } heldBy, ContactRequestId: { } requestId })
        {
            planner.ToResident(message,
                new MessagePlan(NotificationKind.ResidentRequestTurnedIntoProject, new Dictionary<string, string> { ["referenceNumber"] = message.ReferenceNumber, ["projectTitle"] = message.ProjectTitle }),
                heldBy, requestId);
        }

        return Task.CompletedTask;
    }
}

/// <summary>An overdue project: the responsible cadre, or the responsible organisation's secretary when no cadre is named.</summary>
public sealed class ProjectOverdueConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<ProjectOverdue, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(ProjectOverdue message, CancellationToken ct)
    {
        var plan = new MessagePlan(NotificationKind.ProjectOverdue,
            new Dictionary<string, string>
            {
                ["title"] = message.Title,
                ["plannedEnd"] = MessageValues.Date(message.PlannedEnd),
                ["period"] = message.OverduePeriod.ToString(CultureInfo.InvariantCulture),
            },
            Digestible: true);
        if (message.ResponsibleCadreMemberId is { } cadre)
        {
            await planner.ToMemberAsync(message, plan, cadre, ct);
        }
        else
        {
            planner.ToAudience(message, plan, Audience.Secretary, message.OrganisationId);
        }
    }
}
