using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Inbox;

/// <summary>A member's inbox.</summary>
public static class ListInbox
{
    // Inbox and preferences: the member's own, and their organisation's secretaries.
    public static RouteHandlerBuilder MapListInbox(this IEndpointRouteBuilder api) =>
        api.MapGet("/members/{memberId:guid}/notifications", ListAsync).RequireAccess(NotificationAccess.MemberOwned, NotificationAccess.RouteMember).WithTags("Inbox").WithName("ListInbox").WithSummary("站内消息 / A member's inbox");

    private static async Task<Page<NotificationResponse>> ListAsync(
        Guid memberId, NotificationDbContext db, bool? unreadOnly, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == memberId);
        if (unreadOnly == true)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<NotificationResponse>(items.Select(NotificationResponse.From).ToList(), number, size, total);
    }
}
