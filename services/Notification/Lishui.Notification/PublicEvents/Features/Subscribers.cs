using System.Net;
using System.Security.Cryptography;
using Lishui.Notification.PublicEvents.Broker;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.Notification.PublicEvents.Webhooks;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.Notification.PublicEvents.Features;

/// <summary>The registry of subscribing systems (town only): each use case is a slice of its own; the steps they share are here.</summary>
public static class Subscribers
{
    public static RouteGroupBuilder MapSubscribers(this RouteGroupBuilder group)
    {
        group.MapSubscriberRegistration();
        group.MapListSubscribers();
        group.MapGetSubscriber();
        group.MapRotateSubscriberCredentials();
        group.MapReactivateSubscriber();
        group.MapListSubscriberDeliveries();
        group.MapListSubscriberAttempts();
        group.MapListSubscriberNotices();
        return group;
    }

    internal static async Task<SubscriberCredentials> IssueCredentialsAsync(
        Subscriber subscriber, PublicBroker broker, RabbitMqManagement management, PublicEventsOptions settings, bool newQueue, CancellationToken ct)
    {
        if (subscriber.Delivery == DeliveryMode.Webhook)
        {
            var secret = WebhookSignature.NewSecret();
            subscriber.UseWebhookSecret(secret);
            return new SubscriberCredentials(null, null, null, null, null, secret);
        }

        // Queue and bindings first (as the platform), then the user that may only read that queue.
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        if (newQueue)
        {
            await broker.DeclareSubscriberQueueAsync(subscriber.AmqpQueue!, subscriber.AllowedTypes, ct);
            await management.CreateSubscriberUserAsync(subscriber.AmqpUser!, password, subscriber.AmqpQueue!, ct);
        }
        else
        {
            await management.SetPasswordAsync(subscriber.AmqpUser!, password, ct);
        }

        var host = settings.AmqpPublicHost ?? broker.Factory.HostName;
        var vhost = broker.Factory.VirtualHost == "/" ? string.Empty : Uri.EscapeDataString(broker.Factory.VirtualHost);
        var uri = $"amqp://{Uri.EscapeDataString(subscriber.AmqpUser!)}:{password}@{host}:{broker.Factory.Port}/{vhost}";
        return new SubscriberCredentials(uri, subscriber.AmqpUser, password, subscriber.AmqpQueue, settings.Exchange, null);
    }

    /// <summary>HTTPS only; plain HTTP just to a loopback address, and only where allowed (Development).</summary>
    public static FieldError? WebhookUrlProblem(string url, bool allowLoopbackHttp)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
        {
            return new FieldError("webhookUrl", "subscriber.webhook-url-invalid", "推送地址须为完整的 HTTPS 网址（不含用户名密码）。", "The webhook URL must be an absolute HTTPS URL without credentials.");
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
        if (uri.Scheme == Uri.UriSchemeHttp && !(loopback && allowLoopbackHttp))
        {
            return new FieldError("webhookUrl", "subscriber.webhook-url-not-https", "推送地址必须使用 HTTPS。", "The webhook URL must use HTTPS.");
        }

        return null;
    }

    /// <summary>Who did it, from the token (the column holds 100 characters).</summary>
    internal static string Actor(HttpContext http)
    {
        var name = Caller.From(http.User).Name;
        return name.Length > 100 ? name[..100] : name;
    }

    internal static ProblemHttpResult NotFound() => Problems.NotFound("订阅方", "subscriber");
}
