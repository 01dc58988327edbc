using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Lishui.Shared.Messaging;

public sealed class ConsumerRetryOptions
{
    /// <summary>Redeliveries in process before a message goes to its endpoint's <c>_error</c> queue.</summary>
    public int RetryLimit { get; set; } = 5;

    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(10);

    public ushort PrefetchCount { get; set; } = 64;

    /// <summary>
    /// Extra attempts, within each of the attempts above, for an optimistic-concurrency conflict:
    /// another message updated the same aggregate first, so trying again makes progress. Without
    /// these a burst for one aggregate (a session's attendance all scoring in one scheme) used up
    /// the transient-fault budget and sent good messages to <c>_error</c>.
    /// </summary>
    public int ConflictRetryLimit { get; set; } = 20;

    /// <summary>Messages one endpoint handles at once; MassTransit's default (the prefetch count) when unset.</summary>
    public int? ConcurrentMessageLimit { get; set; }
}

/// <summary>How <see cref="IdempotentBatchConsumer{TMessage,TDbContext}"/> endpoints collect their batches (Messaging:Batch).</summary>
public sealed class ConsumerBatchOptions
{
    /// <summary>Most events applied in one transaction.</summary>
    public int MessageLimit { get; set; } = 100;

    /// <summary>
    /// A batch closes when this long passes without another event (or at <see cref="MessageLimit"/>):
    /// under a backlog batches fill up, a lone event waits only this long.
    /// </summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Batches of one endpoint applied at once; more than one can collide on the same scheme and retry.</summary>
    public int ConcurrencyLimit { get; set; } = 1;

    public static ConsumerBatchOptions From(IConfiguration configuration) =>
        configuration.GetSection("Messaging:Batch").Get<ConsumerBatchOptions>() ?? new ConsumerBatchOptions();
}

public static class MessagingRegistration
{
    /// <summary>Connection string name of the broker (Aspire's reference name).</summary>
    public const string BrokerConnectionName = "messaging";

    /// <summary>
    /// MassTransit on RabbitMQ with the platform's conventions (<see cref="AddPlatformBus"/>), plus the
    /// outbox relay for <typeparamref name="TDbContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? consumers = null)
        where TDbContext : DbContext
    {
        builder.Services.Configure<OutboxRelayOptions>(builder.Configuration.GetSection("Messaging:Outbox"));
        builder.Services.TryAddSingleton<IOutboxPublisher, BusOutboxPublisher>();
        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        // Messaging:EndpointPrefix lets tests and side-by-side installs keep their queues apart.
        var prefix = builder.Configuration["Messaging:EndpointPrefix"] ?? serviceName;
        builder.Services.AddMassTransit(bus => bus.UsePlatformConventions(builder.Configuration, prefix, consumers));
        return builder;
    }

    /// <summary>
    /// A second bus in the same process (MassTransit's MultiBus) with the same conventions: its own
    /// consumers, queues and connection, so neither bus's load or settings affect the other.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformBus<TBus>(this IHostApplicationBuilder builder, string prefix, Action<IBusRegistrationConfigurator> consumers)
        where TBus : class, IBus
    {
        builder.Services.AddMassTransit<TBus>(bus => bus.UsePlatformConventions(builder.Configuration, prefix, consumers));
        return builder;
    }

    /// <summary>
    /// Endpoints named <c>{prefix}-{consumer}</c> in kebab case, quorum queues, retry for transient
    /// faults and then the <c>_error</c> queue, contract-named exchanges.
    /// </summary>
    private static void UsePlatformConventions(this IBusRegistrationConfigurator bus, IConfiguration configuration, string prefix, Action<IBusRegistrationConfigurator>? consumers)
    {
        var connectionString = configuration.GetConnectionString(BrokerConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{BrokerConnectionName} (the RabbitMQ broker) is not configured.");
        var retry = configuration.GetSection("Messaging:Retry").Get<ConsumerRetryOptions>() ?? new ConsumerRetryOptions();
        bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(prefix, includeNamespace: false));
        consumers?.Invoke(bus);
        bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
        {
            endpoint.UseMessageRetry(r => r.Exponential(retry.RetryLimit, retry.MinInterval, retry.MaxInterval, retry.MinInterval));
            endpoint.UseMessageRetry(r =>
            {
                r.Handle<DbUpdateConcurrencyException>();
                r.Intervals(ConflictIntervals(retry.ConflictRetryLimit));
            });
            // Raise, never lower: a batch endpoint needs room for a whole batch (its options set that).
            if (retry.ConcurrentMessageLimit is { } limit && !(endpoint.ConcurrentMessageLimit > limit))
            {
                endpoint.ConcurrentMessageLimit = limit;
            }

            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.SetQuorumQueue();
                rabbit.PrefetchCount = Math.Max(rabbit.PrefetchCount, retry.PrefetchCount);
            }
        });
        bus.UsingRabbitMq((context, rabbit) =>
        {
            rabbit.Host(new Uri(connectionString));
            rabbit.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(rabbit.MessageTopology.EntityNameFormatter));
            rabbit.ConfigureEndpoints(context);
        });
    }

    /// <summary>A consumer of <c>Batch&lt;T&gt;</c> with the platform's batch settings, configured by <see cref="BatchConsumerDefinition{TConsumer}"/>.</summary>
    public static void AddBatchConsumer<TConsumer>(this IBusRegistrationConfigurator bus, ConsumerBatchOptions batch)
        where TConsumer : class, IConsumer
    {
        bus.AddSingleton(new BatchConsumerSettings<TConsumer>(batch));
        bus.AddConsumer<TConsumer, BatchConsumerDefinition<TConsumer>>();
    }

    /// <summary>Short, growing and spread out, so the messages that collided do not collide again in step.</summary>
    private static TimeSpan[] ConflictIntervals(int count) =>
        [.. Enumerable.Range(0, count).Select(i => TimeSpan.FromMilliseconds(Math.Min(5 + (i * 10), 200) + Random.Shared.Next(0, 20)))];
}
