using System.Diagnostics;
using Lishui.Contracts.Membership;
using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Shared.Messaging;

namespace Lishui.Notification.Messaging;

/// <summary>Records the new member in the local view and puts a welcome message in their inbox.</summary>
public sealed class MemberRegisteredConsumer(NotificationDbContext db, TimeProvider time)
    : IdempotentConsumer<MemberRegistered, NotificationDbContext>(db)
{
    protected override async Task HandleAsync(MemberRegistered message, CancellationToken ct)
    {
        var member = await Db.ApplyAsync(message, ct);
        var now = time.GetUtcNow();
        Db.Notifications.Add(Domain.Notification.Create(
            Guid.CreateVersion7(now), message.MemberId, NotificationKind.Welcome, NotificationTexts.Welcome(member.Name),
            message.EventId, Activity.Current?.TraceId.ToString(), now));
    }
}
