using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.PublicEvents.Features;

/// <summary>GET /public-events/subscribers/{id}/deliveries: the webhook delivery log.</summary>
public static class ListSubscriberDeliveries
{
    public static IEndpointRouteBuilder MapListSubscriberDeliveries(this IEndpointRouteBuilder api)
    {
        api.MapGet("/subscribers/{id:guid}/deliveries", DeliveriesAsync).RequireAccess(NotificationAccess.OwnSubscription).WithName("ListSubscriberDeliveries")
            .WithSummary("Webhook 投递记录 / Webhook delivery log")
            .WithDescription("每个事件向该订阅方的投递状态、尝试次数和最近的错误，最新在前，可按状态筛选。/ Each event's delivery to this subscriber, its attempts and last error, newest first, optionally by status.")
            .Produces<Page<DeliveryLogEntry>>();
        return api;
    }

    private static async Task<Results<Ok<Page<DeliveryLogEntry>>, ProblemHttpResult>> DeliveriesAsync(Guid id, PublicEventsDb db, int? page, int? pageSize, WebhookDeliveryStatus? status, CancellationToken ct)
    {
        if (!await db.Subscribers.AnyAsync(s => s.Id == id, ct))
        {
            return Subscribers.NotFound();
        }

        var (p, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriberId == id && (status == null || d.Status == status));
        var items = await query.OrderByDescending(d => d.Id).Skip(skip).Take(size)
            .Select(d => new DeliveryLogEntry(d.Id, d.EventId, d.Type, d.Status, d.Attempts, d.NextAttemptAt, d.LastStatusCode, d.LastError, d.CreatedAt, d.DeliveredAt, d.ReplayId))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<DeliveryLogEntry>(items, p, size, await query.CountAsync(ct)));
    }
}
