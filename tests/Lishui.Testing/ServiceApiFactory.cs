using Lishui.Shared.Messaging;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Lishui.Testing;

/// <summary>
/// A service in process on a real PostgreSQL database of its own (migrated with the service's
/// migrations) and the real broker under queue names of its own, which are deleted afterwards with
/// the database. Clients from <c>CreateClient()</c> act as a town administrator.
/// </summary>
/// <param name="service">Names the test database and the queue prefix.</param>
/// <param name="connectionName">The service's connection string name for its database.</param>
public abstract class ServiceApiFactory<TEntryPoint, TDbContext>(string service, string connectionName)
    : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
    where TDbContext : DbContext
{
    private int cleanedUp;
    private int disposed;
    private bool hostStarted;

    public TestInfrastructure Infrastructure { get; } = new();

    /// <summary>This service's database (connection string), e.g. for pg_dump.</summary>
    public string Database { get; private set; } = string.Empty;

    /// <summary>Each factory consumes on queues of its own, so no other test class's service takes its events.</summary>
    public string EndpointPrefix { get; } = $"t{Guid.NewGuid():N}"[..11];

    /// <summary>
    /// Whether the outbox relay runs. Without it tests read the events exactly as the request wrote
    /// them, in the outbox (the relay itself is covered by Lishui.Messaging.IntegrationTests).
    /// </summary>
    protected virtual bool RunOutboxRelay => true;

    public virtual async Task InitializeAsync()
    {
        await Infrastructure.InitializeAsync();
        Database = await Infrastructure.CreateDatabaseAsync(service);
        await using var db = NewDbContext();
        await db.Database.MigrateAsync();
        await SeedAsync(db);
    }

    /// <summary>A context on this factory's database outside the service, e.g. to migrate or seed it.</summary>
    protected TDbContext NewDbContext() =>
        (TDbContext)Activator.CreateInstance(typeof(TDbContext), new DbContextOptionsBuilder<TDbContext>().UseNpgsql(Database).Options)!;

    /// <summary>What the database holds before the service starts (e.g. the local tree).</summary>
    protected virtual Task SeedAsync(TDbContext db) => Task.CompletedTask;

    /// <summary>Starts the service and waits until its bus has declared its queues, so nothing published next is missed.</summary>
    public async Task StartedAsync()
    {
        _ = Server;
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
    }

    public async Task<T> WithDbAsync<T>(Func<TDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    /// <summary>Publishes an event on the real broker, as another service's outbox relay would.</summary>
    public Task PublishAsync<T>(T message)
        where T : class => Services.GetRequiredService<IBus>().PublishWithinDeadlineAsync(message);

    /// <summary>A client sending <paramref name="token"/> (see <see cref="TestTokens"/>), or no token at all when null.</summary>
    public HttpClient ClientWith(string? token) => CreateClient().WithToken(token);

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithToken(TestTokens.TownAdministrator());
    }

    /// <summary>The environment and token settings of the host; see <see cref="TestSecurity"/>.</summary>
    protected virtual void ConfigureSecurity(IWebHostBuilder builder) => TestSecurity.Apply(builder);

    /// <summary>The broker the service talks to (a test may give one that is down).</summary>
    protected virtual Uri Broker => Infrastructure.RabbitMq;

    /// <summary>Settings of the service's own (e.g. its background workers off).</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        hostStarted = true;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ConfigureSecurity(builder);
        builder.UseSetting($"ConnectionStrings:{connectionName}", Database);
        builder.UseSetting($"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}", Broker.ToString());
        builder.UseSetting("Messaging:EndpointPrefix", EndpointPrefix);
        ConfigureSettings(builder);
        builder.ConfigureTestServices(services =>
        {
            if (!RunOutboxRelay)
            {
                services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxRelay<TDbContext>)));
            }

            ConfigureTestServices(services);
        });
    }

    /// <summary>Everything the factory made goes: the service, its queues, its database, the infrastructure it started.</summary>
    public override async ValueTask DisposeAsync()
    {
        await StopAndCleanUpAsync();
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            await Infrastructure.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>Queues of the test's own to delete with the service's (e.g. a subscriber's).</summary>
    protected List<string> ExtraQueues { get; } = [];

    /// <summary>Stops the service's bus, then the service, then deletes its queues and drops its database.</summary>
    public async Task StopAndCleanUpAsync()
    {
        if (Interlocked.Exchange(ref cleanedUp, 1) == 1)
        {
            return;
        }

        // A host that never started (or refused its configuration) declared no queues.
        string[] queues = [];
        if (hostStarted)
        {
            queues = ServiceQueues.Declared(Services);
            // The bus first, and to the end, whatever the host's shutdown timeout: an event still being
            // retried when the host gave up stopping went on to _error after its queues were deleted.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await Services.GetRequiredService<IBusControl>().StopAsync(timeout.Token);
        }

        await base.DisposeAsync();
        await Infrastructure.DeleteQueuesAsync([.. queues, .. ExtraQueues]);
        if (Database.Length > 0)
        {
            await Infrastructure.DropDatabaseAsync(Database);
        }
    }
}
