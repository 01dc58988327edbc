using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Inbox;

/// <summary>Mark read.</summary>
public static class MarkNotificationRead
{
    public static RouteHandlerBuilder MapMarkNotificationRead(this IEndpointRouteBuilder api) =>
        api.MapPost("/notifications/{id:guid}/read", MarkReadAsync).RequireAccess(NotificationAccess.MemberOwned, ScopeRef.Route("id", NotificationScopes.Notification)).WithTags("Inbox").WithName("MarkNotificationRead").WithSummary("标记已读 / Mark read");

    private static async Task<Results<Ok<NotificationResponse>, ProblemHttpResult>> MarkReadAsync(
        Guid id, NotificationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null)
        {
            return Problems.NotFound("消息", "notification");
        }

        notification.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NotificationResponse.From(notification));
    }
}
