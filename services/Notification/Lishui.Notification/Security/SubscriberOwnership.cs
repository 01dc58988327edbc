using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Security;

/// <summary>
/// The second half of <see cref="Grant.ExternalSystem"/> for the public-event subscriber routes: another
/// government system passes the access policy by its role, and here only for the subscriber registered
/// with its client id (the token's <c>client_id</c>, or <c>sub</c> when it has none). Town administrators
/// and (reading) auditors are not limited. An unknown subscriber id goes on to the handler's 404.
/// </summary>
public static class SubscriberOwnership
{
    public const string RouteParameter = "id";

    public static TBuilder RequireOwnSubscription<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var caller = Caller.From(http.User);
            var isRead = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
            if (!caller.IsInRole(PlatformRoles.ExternalSystem) || caller.IsInRole(PlatformRoles.TownAdministrator)
                || (isRead && caller.IsInRole(PlatformRoles.Auditor))
                || !http.Request.RouteValues.TryGetValue(RouteParameter, out var value) || !Guid.TryParse(value?.ToString(), out var id))
            {
                return await next(ctx);
            }

            var db = http.RequestServices.GetRequiredService<PublicEventsDb>();
            var owner = await db.Subscribers.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.ClientId }).FirstOrDefaultAsync(http.RequestAborted);
            if (owner is null || Subscriber.IsOwnedBy(owner.ClientId, caller.ClientId, caller.Subject))
            {
                return await next(ctx);
            }

            return Problems.Result(Problems.Create(StatusCodes.Status403Forbidden, "subscriber.not-own",
                "只能查看或操作本系统自己的订阅。", "A subscribing system may only see and act on its own subscription."));
        });
}
