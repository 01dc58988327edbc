using System.Net.Http.Headers;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Pairing.Data;
using Lishui.Pairing.Messaging;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lishui.Pairing.Tests.Api;

/// <summary>
/// The Pairing service in process, on a real PostgreSQL database of its own (migrated with the
/// service's migrations) and the real broker, with queues of its own that are deleted afterwards.
/// The outbox relay is left out so tests read the events exactly as the request wrote them, in the
/// outbox (the relay itself is covered by Lishui.Messaging.IntegrationTests); a subclass that
/// needs events on the broker keeps it (<see cref="WithOutboxRelay"/>). The background workers
/// are off unless a subclass turns them on.
/// </summary>
public class PairingApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestInfrastructure infrastructure = new();

    public TestInfrastructure Infrastructure => infrastructure;

    protected virtual bool WithOutboxRelay => false;
    private readonly string endpointPrefix = $"pairing-test-{Guid.NewGuid():N}"[..21];
    private string database = string.Empty;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        database = await infrastructure.CreateDatabaseAsync("pairing");
        await using var db = new PairingDbContext(new DbContextOptionsBuilder<PairingDbContext>().UseNpgsql(database).Options);
        await db.Database.MigrateAsync();
    }

    /// <summary>Starts the service and waits until its bus has declared its queues, so nothing published next is missed.</summary>
    public async Task StartedAsync()
    {
        _ = Server;
        await Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
    }

    public async Task<T> WithDbAsync<T>(Func<PairingDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PairingDbContext>());
    }

    /// <summary>Publishes an event on the real broker, as Membership would.</summary>
    public Task PublishAsync<T>(T message)
        where T : class => Services.GetRequiredService<IBus>().PublishWithinDeadlineAsync(message);

    /// <summary>An organisation in the local view, applied exactly as the consumer applies OrganisationCreated.</summary>
    public async Task<Guid> OrganisationAsync(string name, string kind = "Branch", Guid? parentId = null)
    {
        var id = Guid.CreateVersion7();
        await WithDbAsync(async db =>
        {
            await db.ApplyAsync(
                new OrganisationCreated { ParentId = parentId, Name = name, Kind = kind, EconomicCooperative = null }.About(id, id, 1, DateTimeOffset.UtcNow),
                CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Members in the local view, applied exactly as the consumer applies MemberRegistered.</summary>
    public async Task<List<Guid>> MembersAsync(Guid organisationId, int count, string namePrefix, string status = "Full")
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        await WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                await db.ApplyAsync(
                    new MemberRegistered { MemberId = ids[i], Name = $"{namePrefix}{i + 1:00}", Status = status, JoinedOn = new DateOnly(2010, 7, 1) }
                        .About(ids[i], organisationId, 1, DateTimeOffset.UtcNow),
                    CancellationToken.None);
            }

            return await db.SaveChangesAsync();
        });
        return ids;
    }

    /// <summary>The events of one kind waiting in the outbox, deserialised as subscribers will see them.</summary>
    public Task<List<T>> OutboxAsync<T>()
        where T : IntegrationEvent =>
        WithDbAsync(async db =>
        {
            var urn = ContractCatalog.UrnOf(typeof(T));
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageUrn == urn).OrderBy(m => m.Id).ToListAsync();
            return rows.Select(r => JsonSerializer.Deserialize<T>(r.Payload, ContractJson.Options)!).ToList();
        });

    public Task<List<string>> OutboxPayloadsAsync<T>()
        where T : IntegrationEvent =>
        WithDbAsync(db =>
        {
            var urn = ContractCatalog.UrnOf(typeof(T));
            return db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageUrn == urn).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        });

    /// <summary>Clients from <c>CreateClient()</c> act as a town administrator, so tests about other things need no token.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithToken(TestTokens.TownAdministrator());
    }

    /// <summary>A client sending <paramref name="token"/> (see <see cref="TestTokens"/>), or no token at all when null.</summary>
    public HttpClient ClientWith(string? token)
    {
        return CreateClient().WithToken(token);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        TestSecurity.Apply(builder);
        builder.UseSetting($"ConnectionStrings:{PairingDbContext.ConnectionName}", database);
        builder.UseSetting($"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}", infrastructure.RabbitMq.ToString());
        builder.UseSetting("Messaging:EndpointPrefix", endpointPrefix);
        builder.UseSetting("Messaging:Retry:RetryLimit", "10");
        builder.UseSetting("Messaging:Retry:MinInterval", "00:00:00.100");
        builder.UseSetting("Messaging:Retry:MaxInterval", "00:00:01");
        builder.UseSetting("Pairing:ContactOverdue:Enabled", "false");
        builder.UseSetting("Pairing:Reminders:Enabled", "false");
        builder.ConfigureTestServices(services =>
        {
            if (!WithOutboxRelay)
            {
                var relay = services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(OutboxRelay<PairingDbContext>));
                services.Remove(relay);
            }
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        var queues = ServiceQueues.Declared(Services);
        await DisposeAsync();
        await infrastructure.DeleteQueuesAsync(queues);
        await infrastructure.DisposeAsync();
    }
}
