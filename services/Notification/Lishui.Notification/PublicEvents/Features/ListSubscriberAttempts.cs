using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.PublicEvents.Features;

/// <summary>GET /public-events/subscribers/{id}/attempts: every webhook HTTP attempt.</summary>
public static class ListSubscriberAttempts
{
    public static IEndpointRouteBuilder MapListSubscriberAttempts(this IEndpointRouteBuilder api)
    {
        api.MapGet("/subscribers/{id:guid}/attempts", AttemptsAsync).RequireAccess(NotificationAccess.OwnSubscription).WithName("ListSubscriberAttempts")
            .WithSummary("Webhook 请求记录 / Every HTTP attempt, newest first")
            .WithDescription("每一次 HTTP 推送请求的状态码、错误和耗时，便于对方排查接收端。/ Every webhook HTTP request with its status code, error and duration, so the receiving side can be diagnosed.")
            .Produces<Page<AttemptLogEntry>>();
        return api;
    }

    private static async Task<Ok<Page<AttemptLogEntry>>> AttemptsAsync(Guid id, PublicEventsDb db, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.DeliveryAttempts.AsNoTracking().Where(a => a.SubscriberId == id);
        var items = await query.OrderByDescending(a => a.Id).Skip(skip).Take(size)
            .Select(a => new AttemptLogEntry(a.DeliveryId, a.EventId, a.Attempt, a.AttemptedAt, a.StatusCode, a.Error, a.DurationMs))
            .ToListAsync(ct);
        return TypedResults.Ok(new Page<AttemptLogEntry>(items, p, size, await query.CountAsync(ct)));
    }
}
