using MassTransit;

namespace Lishui.Testing;

/// <summary>
/// Test publishes on the real broker, with a deadline. RabbitMQ.Client waits for a publisher confirm
/// for as long as its token allows; when the broker never sends it (RabbitMQ 3.10 crashing the channel),
/// the test fails after <see cref="Deadline"/> instead of hanging its test host until CI's hang timeout.
/// </summary>
public static class BoundedPublish
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static async Task PublishWithinDeadlineAsync<T>(this IPublishEndpoint bus, T message, Action<PublishContext<T>>? configure = null)
        where T : class
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await bus.Publish(message, configure ?? (_ => { }), deadline.Token);
    }

    public static async Task PublishWithinDeadlineAsync(this IPublishEndpoint bus, object message, Type contract)
    {
        using var deadline = new CancellationTokenSource(Deadline);
        await bus.Publish(message, contract, deadline.Token);
    }
}
