using Lishui.Contracts.Public;
using Lishui.Notification.PublicEvents.Domain;

namespace Lishui.Notification.PublicEvents.Features;

public sealed record SubscriberResponse(
    Guid Id, string Name, string Contact, string? ClientId, DeliveryMode Delivery, DataClassification Clearance, IReadOnlyList<string> AllowedTypes,
    string? WebhookUrl, string? AmqpQueue, string? AmqpUser, SubscriberStatus Status, DateTimeOffset? SuspendedAt, string? SuspensionReason,
    string RegisteredBy, DateTimeOffset RegisteredAt)
{
    public static SubscriberResponse Of(Subscriber s) => new(
        s.Id, s.Name, s.Contact, s.ClientId, s.Delivery, s.Clearance, s.AllowedTypes, s.WebhookUrl, s.AmqpQueue, s.AmqpUser, s.Status, s.SuspendedAt, s.SuspensionReason,
        s.RegisteredBy, s.RegisteredAt);
}

/// <summary>Shown once: the broker is told only a hash, and the webhook secret is not shown again.</summary>
public sealed record SubscriberCredentials(string? AmqpUri, string? AmqpUser, string? AmqpPassword, string? AmqpQueue, string? Exchange, string? WebhookSecret);

public sealed record RegisteredSubscriber(SubscriberResponse Subscriber, SubscriberCredentials Credentials);

public sealed record DeliveryLogEntry(long Id, Guid EventId, string Type, WebhookDeliveryStatus Status, int Attempts, DateTimeOffset NextAttemptAt, int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt, Guid? ReplayId);

public sealed record AttemptLogEntry(long DeliveryId, Guid EventId, int Attempt, DateTimeOffset AttemptedAt, int? StatusCode, string? Error, int DurationMs);
