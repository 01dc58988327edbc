using Lishui.Notification.PublicEvents.Broker;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.PublicEvents.Features;

/// <summary>POST /public-events/subscribers/{id}/credentials: new credentials; the old ones stop working.</summary>
public static class RotateSubscriberCredentials
{
    public static IEndpointRouteBuilder MapRotateSubscriberCredentials(this IEndpointRouteBuilder api)
    {
        api.MapPost("/subscribers/{id:guid}/credentials", RotateCredentialsAsync).RequireAccess(NotificationAccess.TownOnly).WithName("RotateSubscriberCredentials")
            .WithSummary("重新签发凭据 / Issue new credentials (the old ones stop working)")
            .WithDescription("凭据丢失或泄露时使用：签发新的 AMQP 密码或 Webhook 签名密钥，旧凭据立即失效。/ For lost or leaked credentials: a new AMQP password or webhook signing secret; the old one stops working at once.")
            .Produces<SubscriberCredentials>();
        return api;
    }

    private static async Task<Results<Ok<SubscriberCredentials>, ProblemHttpResult>> RotateCredentialsAsync(
        Guid id, HttpContext http, PublicEventsDb db, PublicBroker broker, RabbitMqManagement management, IOptions<PublicEventsOptions> options, CancellationToken ct)
    {
        if (await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } subscriber)
        {
            return Subscribers.NotFound();
        }

        var credentials = await Subscribers.IssueCredentialsAsync(subscriber, broker, management, options.Value, newQueue: false, ct);
        // An AMQP subscriber's new password lives in the broker only, so no row changes: the entry is asked for.
        http.AuditWithoutTrackedChanges();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(credentials);
    }
}
