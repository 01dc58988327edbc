using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Inbox;

/// <summary>Mark all read.</summary>
public static class MarkAllRead
{
    public static RouteHandlerBuilder MapMarkAllRead(this IEndpointRouteBuilder api) =>
        api.MapPost("/members/{memberId:guid}/notifications/read", MarkAllReadAsync).RequireAccess(NotificationAccess.MemberOwned, NotificationAccess.RouteMember).WithTags("Inbox").WithName("MarkAllRead").WithSummary("全部标记已读 / Mark all read");

    private static async Task<UnreadResponse> MarkAllReadAsync(Guid memberId, HttpContext http, NotificationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.Notifications.Where(n => n.RecipientId == memberId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (marked > 0)
        {
            // One statement for the whole inbox, unseen by the change tracker: the audit entry is asked for.
            http.AuditWithoutTrackedChanges();
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return new UnreadResponse(memberId, 0);
    }
}
