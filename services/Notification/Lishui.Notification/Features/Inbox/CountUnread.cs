using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Inbox;

/// <summary>Unread count.</summary>
public static class CountUnread
{
    public static RouteHandlerBuilder MapCountUnread(this IEndpointRouteBuilder api) =>
        api.MapGet("/members/{memberId:guid}/notifications/unread", UnreadAsync).RequireAccess(NotificationAccess.MemberOwned, NotificationAccess.RouteMember).WithTags("Inbox").WithName("CountUnread").WithSummary("未读数量 / Unread count");

    private static async Task<UnreadResponse> UnreadAsync(Guid memberId, NotificationDbContext db, CancellationToken ct) =>
        new(memberId, await db.Notifications.CountAsync(n => n.RecipientId == memberId && n.ReadAt == null, ct));
}
