using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.PublicEvents.Features;

/// <summary>GET /public-events/subscribers/{id}/notices: what the platform told the subscriber.</summary>
public static class ListSubscriberNotices
{
    public static IEndpointRouteBuilder MapListSubscriberNotices(this IEndpointRouteBuilder api)
    {
        api.MapGet("/subscribers/{id:guid}/notices", NoticesAsync).RequireAccess(NotificationAccess.OwnSubscription).WithName("ListSubscriberNotices")
            .WithSummary("给订阅方的通知 / Notices to the subscriber")
            .WithDescription("平台发给该订阅方的通知，例如事件类型即将停用或订阅被暂停。/ What the platform told this subscriber, such as an event type being deprecated or the subscription being suspended.")
            .Produces<Page<SubscriberNotice>>();
        return api;
    }

    private static async Task<Ok<Page<SubscriberNotice>>> NoticesAsync(Guid id, PublicEventsDb db, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Notices.AsNoTracking().Where(n => n.SubscriberId == id);
        var items = await query.OrderByDescending(n => n.CreatedAt).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SubscriberNotice>(items, p, size, await query.CountAsync(ct)));
    }
}
