using MassTransit;

namespace Lishui.Shared.Messaging;

/// <summary>
/// The relay's one call to the broker. Completes only when the broker confirmed the message
/// (MassTransit publishes with publisher confirms) and throws when it did not.
/// </summary>
public interface IOutboxPublisher
{
    Task PublishAsync(object message, Type contract, Guid messageId, CancellationToken ct);
}

public sealed class BusOutboxPublisher(IBus bus) : IOutboxPublisher
{
    public Task PublishAsync(object message, Type contract, Guid messageId, CancellationToken ct) =>
        bus.Publish(message, contract, Pipe.Execute<PublishContext>(context => context.MessageId = messageId), ct);
}
