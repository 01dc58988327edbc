using System.Globalization;
using Lishui.Contracts.Membership;
using Lishui.Notification.Data;
using Lishui.Notification.Delivery;
using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Messaging;

namespace Lishui.Notification.Messaging.Triggers;

/// <summary>A withdrawal-advice case (劝退) waits for the party committee: everyone holding a committee role there.</summary>
public sealed class WithdrawalAdviceCaseOpenedConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<WithdrawalAdviceCaseOpened, NotificationDbContext>(db)
{
    protected override Task HandleAsync(WithdrawalAdviceCaseOpened message, CancellationToken ct)
    {
        planner.ToAudience(message,
            new MessagePlan(NotificationKind.WithdrawalAdviceCaseOpened,
                new Dictionary<string, string>
                {
                    ["years"] = string.Join("、", message.UnqualifiedYears.Select(y => y.ToString(CultureInfo.InvariantCulture))),
                    ["openedOn"] = MessageValues.Date(message.OpenedOn),
                },
                new Dictionary<string, Guid> { ["member"] = message.MemberId }),
            Audience.Committee, message.PartyCommitteeId);
        return Task.CompletedTask;
    }
}

/// <summary>An organisational talk is past its due date: the secretary of the member's organisation (or the nearest above) is reminded, once.</summary>
public sealed class OrganisationalTalkOverdueConsumer(NotificationDbContext db, DispatchPlanner planner)
    : IdempotentConsumer<OrganisationalTalkOverdue, NotificationDbContext>(db)
{
    protected override Task HandleAsync(OrganisationalTalkOverdue message, CancellationToken ct)
    {
        planner.ToAudience(message,
            new MessagePlan(NotificationKind.OrganisationalTalkOverdue,
                new Dictionary<string, string>
                {
                    ["year"] = message.Year.ToString(CultureInfo.InvariantCulture),
                    ["dueOn"] = MessageValues.Date(message.DueOn),
                },
                new Dictionary<string, Guid> { ["member"] = message.MemberId }),
            Audience.Secretary, message.OrganisationId, message.MemberId);
        return Task.CompletedTask;
    }
}
