using Lishui.Contracts.Public;

namespace Lishui.Notification.PublicEvents.Domain;

public enum DeliveryMode
{
    Amqp,
    Webhook,
}

public enum SubscriberStatus
{
    Active,
    Suspended,
}

/// <summary>
/// Another government system that receives public events: either from its own queue on the broker
/// (AMQP) or by signed HTTPS POSTs (webhook). It only ever gets the types it is allowed.
/// </summary>
public sealed class Subscriber
{
    private Subscriber()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Lower-case slug; names its broker user and queue, so it never changes.</summary>
    public string Name { get; private set; } = string.Empty;

    public string Contact { get; private set; } = string.Empty;

    /// <summary>
    /// The OAuth client id the system's tokens carry (<c>client_id</c>, or <c>sub</c> for a
    /// client-credentials token): how an ExternalSystem caller is recognised as this subscriber.
    /// </summary>
    public string? ClientId { get; private set; }

    public DeliveryMode Delivery { get; private set; }

    /// <summary>The most sensitive classification this system was cleared for.</summary>
    public DataClassification Clearance { get; private set; }

    public List<string> AllowedTypes { get; private set; } = [];

    public string? WebhookUrl { get; private set; }

    /// <summary><c>whsec_</c> + base64 key, kept because every POST is signed with it.</summary>
    public string? WebhookSecret { get; private set; }

    public string? AmqpUser { get; private set; }

    public string? AmqpQueue { get; private set; }

    public SubscriberStatus Status { get; private set; }

    public DateTimeOffset? SuspendedAt { get; private set; }

    public string? SuspensionReason { get; private set; }

    public string RegisteredBy { get; private set; } = string.Empty;

    public DateTimeOffset RegisteredAt { get; private set; }

    public string? ChangedBy { get; private set; }

    public DateTimeOffset? ChangedAt { get; private set; }

    public static Subscriber Register(
        Guid id, string name, string contact, DeliveryMode delivery, DataClassification clearance, IEnumerable<string> allowedTypes,
        string? webhookUrl, string registeredBy, DateTimeOffset at, string queuePrefix, string userPrefix, string? clientId = null) =>
        new()
        {
            Id = id,
            Name = name,
            Contact = contact,
            ClientId = clientId,
            Delivery = delivery,
            Clearance = clearance,
            AllowedTypes = [.. allowedTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            WebhookUrl = delivery == DeliveryMode.Webhook ? webhookUrl : null,
            AmqpUser = delivery == DeliveryMode.Amqp ? userPrefix + name : null,
            AmqpQueue = delivery == DeliveryMode.Amqp ? queuePrefix + name : null,
            Status = SubscriberStatus.Active,
            RegisteredBy = registeredBy,
            RegisteredAt = at,
        };

    /// <summary>Whether a caller naming itself <paramref name="clientId"/> or <paramref name="subject"/> is this system.</summary>
    public static bool IsOwnedBy(string? registeredClientId, string? clientId, string? subject) =>
        registeredClientId is { Length: > 0 } own && (string.Equals(own, clientId, StringComparison.Ordinal) || string.Equals(own, subject, StringComparison.Ordinal));

    public bool Receives(string type) => Status == SubscriberStatus.Active && AllowedTypes.Contains(type, StringComparer.Ordinal);

    public void UseWebhookSecret(string secret) => WebhookSecret = secret;

    /// <returns>False when it already was suspended (the notice is sent once).</returns>
    public bool Suspend(string reason, DateTimeOffset at)
    {
        if (Status == SubscriberStatus.Suspended)
        {
            return false;
        }

        Status = SubscriberStatus.Suspended;
        SuspendedAt = at;
        SuspensionReason = reason;
        ChangedBy = "public-events";
        ChangedAt = at;
        return true;
    }

    public void Reactivate(string by, DateTimeOffset at)
    {
        Status = SubscriberStatus.Active;
        SuspendedAt = null;
        SuspensionReason = null;
        ChangedBy = by;
        ChangedAt = at;
    }
}

/// <summary>Something the platform tells a subscriber's contact (e.g. that it was suspended), kept for them to read.</summary>
public sealed record SubscriberNotice(Guid Id, Guid SubscriberId, string Kind, string MessageZh, string MessageEn, DateTimeOffset CreatedAt);
