using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.PublicEvents.Features;

/// <summary>GET /public-events/subscribers/{id}.</summary>
public static class GetSubscriber
{
    public static IEndpointRouteBuilder MapGetSubscriber(this IEndpointRouteBuilder api)
    {
        api.MapGet("/subscribers/{id:guid}", GetAsync).RequireAccess(NotificationAccess.OwnSubscription).WithName("GetSubscriber")
            .WithSummary("订阅方详情 / A subscriber")
            .WithDescription("订阅方的投递方式、可接收的事件类型和状态（含暂停原因）。/ The subscriber's delivery, allowed event types and status (with why it was suspended).");
        return api;
    }

    private static async Task<Results<Ok<SubscriberResponse>, ProblemHttpResult>> GetAsync(Guid id, PublicEventsDb db, CancellationToken ct) =>
        await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } s
            ? TypedResults.Ok(SubscriberResponse.Of(s))
            : Subscribers.NotFound();
}
