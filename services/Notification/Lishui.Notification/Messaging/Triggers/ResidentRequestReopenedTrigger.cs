using Lishui.Contracts.PracticalProjects;
using Lishui.Notification.Data;
using Lishui.Notification.Delivery;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Messaging;

namespace Lishui.Notification.Messaging.Triggers;

/// <summary>
/// "答复了但没解决": the secretary of the organisation the request concerns hears that the resident reopened
/// it, with the resident's reason, so it is followed up rather than left as answered.
/// </summary>
public sealed class ResidentRequestReopenedConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<ResidentRequestReopened, NotificationDbContext>(db)
{
    protected override Task HandleAsync(ResidentRequestReopened message, CancellationToken ct)
    {
        planner.ToAudience(message,
            new MessagePlan(NotificationKind.ResidentRequestReopened, new Dictionary<string, string>
            {
                ["referenceNumber"] = message.ReferenceNumber,
                ["reason"] = message.Reason,
                ["reopenedOn"] = MessageValues.Date(message.ReopenedOn),
            }),
            Audience.Secretary, message.OrganisationId);
        return Task.CompletedTask;
    }
}
