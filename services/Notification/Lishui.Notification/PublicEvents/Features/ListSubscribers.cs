using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.PublicEvents.Features;

/// <summary>GET /public-events/subscribers: every subscriber by name, without credentials.</summary>
public static class ListSubscribers
{
    public static IEndpointRouteBuilder MapListSubscribers(this IEndpointRouteBuilder api)
    {
        api.MapGet("/subscribers", ListAsync).RequireAccess(NotificationAccess.TownAndAuditors).WithName("ListSubscribers")
            .WithSummary("订阅方列表 / The registered subscribers")
            .WithDescription("按名称排序的全部订阅方及其状态，不含凭据。/ Every subscriber by name with its status, without credentials.");
        return api;
    }

    private static async Task<Ok<Page<SubscriberResponse>>> ListAsync(PublicEventsDb db, int? page, int? pageSize, CancellationToken ct)
    {
        var (p, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Subscribers.AsNoTracking().OrderBy(s => s.Name);
        var items = await query.Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<SubscriberResponse>([.. items.Select(SubscriberResponse.Of)], p, size, await query.CountAsync(ct)));
    }
}
