using Lishui.Contracts.Membership;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lishui.Messaging.IntegrationTests;

/// <summary>
/// A service process in miniature: the real outbox relay, MassTransit on the real broker and the
/// recording consumer, wired exactly as the services wire themselves. Each test uses its own
/// endpoint prefix, so its queues are its own.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly IHost host;
    private int disposed;

    private ServiceHost(IHost host, string prefix)
    {
        this.host = host;
        Prefix = prefix;
    }

    public string Prefix { get; }

    public string ConsumerQueue => $"{Prefix}-recording";

    public string ErrorQueue => ConsumerQueue + "_error";

    public IServiceProvider Services => host.Services;

    public static async Task<ServiceHost> StartAsync(
        string database, Uri broker, string prefix, bool withConsumer = true,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, ConsumerBatchOptions? batch = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{TestDbContext.ConnectionName}"] = database,
            [$"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}"] = broker.ToString(),
            ["Messaging:Retry:RetryLimit"] = "2",
            ["Messaging:Retry:MinInterval"] = "00:00:00.050",
            ["Messaging:Retry:MaxInterval"] = "00:00:00.200",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:03",
            ["Messaging:Outbox:PollInterval"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        services?.Invoke(builder.Services);
        builder.AddServiceDatabase<TestDbContext>(TestDbContext.ConnectionName);
        builder.AddPlatformMessaging<TestDbContext>(prefix, bus =>
        {
            if (withConsumer && batch is not null)
            {
                bus.AddBatchConsumer<RecordingBatchConsumer>(batch);
            }
            else if (withConsumer)
            {
                bus.AddConsumer<RecordingConsumer>();
            }
        });
        var host = builder.Build();
        await host.StartAsync();
        return new ServiceHost(host, prefix);
    }

    /// <summary>Waits until the consumer's queue exists and is bound, so nothing published is missed.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
    }

    public async Task<T> WithDbAsync<T>(Func<TestDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    /// <summary>Stops the host; a second call (a test that stopped it early) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }

    public static TestDbContext OpenDb(string database) =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(database).Options);

    /// <summary>Writes the events to the outbox the way a service's change does (one SaveChanges).</summary>
    public static async Task SaveWithOutboxAsync(string database, IEnumerable<MemberRegistered> events)
    {
        await using var db = OpenDb(database);
        foreach (var e in events)
        {
            db.AddToOutbox(e);
        }

        await db.SaveChangesAsync();
    }

    public static async Task<int> CountOutboxAsync(string database)
    {
        await using var db = OpenDb(database);
        return await db.Set<OutboxMessage>().CountAsync();
    }

    /// <summary>
    /// Waits for the outbox to empty. The relay deletes its rows in the transaction that claimed them, after
    /// the broker's confirms, so a consumer may see an event a moment before its row is gone.
    /// </summary>
    public static Task OutboxEmptiesAsync(string database) =>
        Eventually.MatchAsync(() => CountOutboxAsync(database), n => n == 0, TimeSpan.FromSeconds(15), "the relay deletes every confirmed row");

    /// <summary>The consumer's effects, once there are at least <paramref name="count"/>.</summary>
    public Task<List<Effect>> EffectsEventuallyAsync(int count) =>
        Eventually.MatchAsync(
            () => WithDbAsync(db => db.Effects.AsNoTracking().ToListAsync()),
            effects => effects.Count >= count,
            TimeSpan.FromSeconds(60),
            $"{count} effects expected");
}
