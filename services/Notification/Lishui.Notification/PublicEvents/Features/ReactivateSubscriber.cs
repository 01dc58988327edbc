using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.PublicEvents.Features;

/// <summary><c>reactivatedBy</c> is accepted for older clients but not used: who reactivates is the token's caller.</summary>
public sealed record Reactivate(string? ReactivatedBy = null) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate() => [];
}

/// <summary>POST /public-events/subscribers/{id}/reactivate: what was not delivered meanwhile is sent again.</summary>
public static class ReactivateSubscriber
{
    public static IEndpointRouteBuilder MapReactivateSubscriber(this IEndpointRouteBuilder api)
    {
        api.MapPost("/subscribers/{id:guid}/reactivate", ReactivateAsync).RequireAccess(NotificationAccess.TownOnly).WithName("ReactivateSubscriber")
            .WithSummary("恢复已暂停的订阅方 / Reactivate a suspended subscriber")
            .WithDescription("Webhook 持续失败而暂停的订阅方恢复后，暂停期间未送达的事件会重新投递。/ After a subscriber suspended for a failing webhook is reactivated, what was not delivered meanwhile is sent again.")
            .Produces<SubscriberResponse>();
        return api;
    }

    private static async Task<Results<Ok<SubscriberResponse>, ProblemHttpResult>> ReactivateAsync(
        Guid id, ValidatedBody<Reactivate> body, HttpContext http, PublicEventsDb db, [FromKeyedServices(PublicEventsModule.Clock)] TimeProvider time, CancellationToken ct)
    {
        if (await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } subscriber)
        {
            return Subscribers.NotFound();
        }

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        subscriber.Reactivate(Subscribers.Actor(http), now);
        // What gave up while it was failing is sent again: a suspension never loses an event.
        await db.WebhookDeliveries.Where(d => d.SubscriberId == id && d.Status == WebhookDeliveryStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now), ct);
        await db.WebhookDeliveries.Where(d => d.SubscriberId == id && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, now), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(SubscriberResponse.Of(subscriber));
    }
}
