using MassTransit;

namespace Lishui.Shared.Messaging;

/// <summary>The batch settings of one batch consumer, handed to its <see cref="BatchConsumerDefinition{TConsumer}"/> by the container.</summary>
public sealed record BatchConsumerSettings<TConsumer>(ConsumerBatchOptions Batch)
    where TConsumer : class, IConsumer;

/// <summary>
/// A consumer of <c>Batch&lt;T&gt;</c> with the platform's batch settings (<see cref="ConsumerBatchOptions"/>),
/// configured by its definition as <see cref="EventConsumerDefinition{TConsumer,TEvent}"/> configures the
/// single-event consumers. Its queue keeps the name of its class.
/// </summary>
public class BatchConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    private readonly ConsumerBatchOptions batch;

    public BatchConsumerDefinition(BatchConsumerSettings<TConsumer> settings)
    {
        batch = settings.Batch;

        // Prefetch and concurrency for the batches being applied and as many full ones behind them.
        // With room for one, the next batch could only fill from what the broker sent after the ack,
        // and under load it closed (TimeLimit) at about a quarter of MessageLimit.
        var room = 2 * batch.MessageLimit * batch.ConcurrencyLimit;
        Endpoint(e =>
        {
            e.ConcurrentMessageLimit = room;
            e.PrefetchCount = room;
        });
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(batch.MessageLimit)
            .SetTimeLimit(batch.TimeLimit)
            .SetTimeLimitStart(BatchTimeLimitStart.FromLast)
            .SetConcurrencyLimit(batch.ConcurrencyLimit));
}
