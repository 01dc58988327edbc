using System.Security.Cryptography;
using Lishui.Notification.PublicEvents.Broker;
using Lishui.Notification.PublicEvents.Domain;
using Lishui.Notification.PublicEvents.Webhooks;

namespace Lishui.Notification.PublicEvents.Features;

public static partial class Subscribers
{
    /// <summary>A new webhook secret, or the subscriber's queue and broker user (made on registration) with a new password.</summary>
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
}
