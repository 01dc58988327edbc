using Lishui.Notification.Domain.Delivery;

namespace Lishui.Notification.Delivery.Channels;

public sealed record OutgoingMessage(string Title, string Body);

/// <summary>A channel besides the inbox. Not configured (no SMTP host, no Dapr binding) means not offered.</summary>
public interface IExternalChannel
{
    DeliveryChannel Channel { get; }

    bool Configured { get; }

    /// <summary>Throws <see cref="NoAddressException"/> when the person has no address for this channel.</summary>
    Task SendAsync(OutgoingMessage message, RecipientContact contact, CancellationToken ct);
}

/// <summary>The person has no address for the channel: nothing to retry.</summary>
public sealed class NoAddressException(string message) : Exception(message);
