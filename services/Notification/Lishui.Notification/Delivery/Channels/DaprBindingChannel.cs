using Dapr.Client;
using Lishui.Notification.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.Delivery.Channels;

/// <summary>
/// Notification:Sms / Notification:InstantMessage: the Dapr output binding a channel goes through
/// (deploy/k8s/base/dapr: notification-sms, notification-im). No binding name: channel not offered.
/// </summary>
public sealed class DaprBindingOptions
{
    public string? Binding { get; set; }

    public string Operation { get; set; } = "create";
}

/// <summary>Notification:Dapr: where the sidecar's API is, when not the default from DAPR_GRPC_PORT.</summary>
public sealed class DaprSidecarOptions
{
    public const string Section = "Notification:Dapr";

    public string? GrpcEndpoint { get; set; }
}

/// <summary>SMS or instant message through a Dapr output binding (<see cref="DaprClient.InvokeBindingAsync{TRequest}"/>).</summary>
public abstract class DaprBindingChannel(IServiceProvider services, DaprBindingOptions options) : IExternalChannel
{
    public abstract DeliveryChannel Channel { get; }

    public bool Configured => !string.IsNullOrWhiteSpace(options.Binding);

    public async Task SendAsync(OutgoingMessage message, RecipientContact contact, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(contact.Phone))
        {
            throw new NoAddressException("No mobile number on record.");
        }

        var dapr = services.GetRequiredService<DaprClient>();
        await dapr.InvokeBindingAsync(options.Binding!, options.Operation, Payload(message, contact.Phone), cancellationToken: ct);
    }

    protected abstract object Payload(OutgoingMessage message, string phone);
}

/// <summary>SMS through the gateway behind the binding: the number and the text.</summary>
public sealed class SmsChannel(IServiceProvider services, IOptionsMonitor<DaprBindingOptions> options)
    : DaprBindingChannel(services, options.Get(Name))
{
    public const string Name = "Sms";

    public override DeliveryChannel Channel => DeliveryChannel.Sms;

    protected override object Payload(OutgoingMessage message, string phone) =>
        new { phoneNumber = phone, text = $"【{message.Title}】{message.Body}" };
}

/// <summary>A DingTalk group robot message that @-mentions the person by mobile number.</summary>
public sealed class InstantMessageChannel(IServiceProvider services, IOptionsMonitor<DaprBindingOptions> options)
    : DaprBindingChannel(services, options.Get(Name))
{
    public const string Name = "InstantMessage";

    public override DeliveryChannel Channel => DeliveryChannel.InstantMessage;

    protected override object Payload(OutgoingMessage message, string phone) =>
        new { msgtype = "text", text = new { content = $"{message.Title}\n{message.Body}" }, at = new { atMobiles = new[] { phone } } };
}
