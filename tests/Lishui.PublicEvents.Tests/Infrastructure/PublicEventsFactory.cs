using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Lishui.Notification.Data;
using Lishui.Notification.PublicEvents;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RabbitMQ.Client;

namespace Lishui.PublicEvents.Tests.Infrastructure;

/// <summary>
/// Notification (with the public-events module) on a real Kestrel port, its own database on the real
/// PostgreSQL, its own exchange, queues and broker users on the real RabbitMQ with the management
/// plugin, and a fake clock for the module only (webhook retries span hours).
/// </summary>
public sealed class PublicEventsFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestInfrastructure infrastructure = new();
    private readonly int port = FreePort();

    public PublicEventsFactory() => UseKestrel(port);

    /// <summary>Keeps this run's exchange, queues and users apart from any other on the same broker.</summary>
    public string Prefix { get; } = "t" + Guid.NewGuid().ToString("N")[..8];

    public string Exchange => $"lishui.public.events.{Prefix}";

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public string Database { get; private set; } = string.Empty;

    public Uri RabbitMq => infrastructure.RabbitMq;

    public Uri? Management { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{port}/");

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        Management = infrastructure.RabbitMqManagement
            ?? throw new InvalidOperationException($"{TestInfrastructure.RabbitMqManagementVariable} is not set: these tests create broker users through RabbitMQ's management API (deploy/local/test.sh sets it).");
        Database = await infrastructure.CreateDatabaseAsync("pubevents");
        await using (var db = new NotificationDbContext(new DbContextOptionsBuilder<NotificationDbContext>().UseNpgsql(Database).Options))
        {
            await db.Database.MigrateAsync();
        }

        await using (var db = new PublicEventsDb(new DbContextOptionsBuilder<PublicEventsDb>().UseNpgsql(Database).Options))
        {
            await db.Database.MigrateAsync();
        }

        StartServer();
        await WaitForConsumerQueuesAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        TestSecurity.Apply(builder, "Development");
        builder.UseSetting($"ConnectionStrings:{NotificationDbContext.ConnectionName}", Database);
        builder.UseSetting($"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}", infrastructure.RabbitMq.ToString());
        builder.UseSetting("Messaging:EndpointPrefix", Prefix);
        builder.UseSetting("PublicEvents:Exchange", Exchange);
        builder.UseSetting("PublicEvents:QueuePrefix", $"lishui.public.sub.{Prefix}.");
        builder.UseSetting("PublicEvents:UserPrefix", $"{Prefix}-");
        builder.UseSetting("PublicEvents:RabbitMqManagement", Management?.ToString());
        builder.UseSetting("PublicEvents:PublicBaseUrl", BaseAddress.ToString());
        builder.UseSetting("PublicEvents:PollInterval", "00:00:00.050");
        builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(PublicEventsModule.Clock, Clock));
    }

    /// <summary>The usual client calls as a town administrator (who manages the subscriber registry).</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithToken(TestTokens.TownAdministrator());
    }

    /// <summary>A client with another token; null for an anonymous one.</summary>
    public HttpClient ClientWith(string? token)
    {
        return CreateClient().WithToken(token);
    }

    /// <summary>Publishes an internal event on the broker, as the owning service's outbox relay would.</summary>
    public Task PublishAsync<T>(T message)
        where T : class => Services.GetRequiredService<IBus>().PublishWithinDeadlineAsync(message);

    public async Task<JsonElement> RegisterAsync(object request)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/public-events/subscribers", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"registration failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<T> WithDbAsync<T>(Func<PublicEventsDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PublicEventsDb>());
    }

    private async Task WaitForConsumerQueuesAsync()
    {
        var queues = new[] { "member-registered", "organisation-created", "assessment-notice-published", "project-status-changed", "opinion-collection-completed", "study-session-held" }
            .Select(q => $"{Prefix}-public-{q}").ToList();
        await using var connection = await new ConnectionFactory { Uri = infrastructure.RabbitMq }.CreateConnectionAsync();
        await Eventually.MatchAsync(async () =>
        {
            var present = 0;
            foreach (var queue in queues)
            {
                await using var channel = await connection.CreateChannelAsync();
                try
                {
                    await channel.QueueDeclarePassiveAsync(queue);
                    present++;
                }
                catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
                {
                    // not bound yet
                }
            }

            return present;
        }, n => n == queues.Count, TimeSpan.FromSeconds(60), "the public-event consumers' queues are bound");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await CleanUpBrokerAsync();
        await infrastructure.DisposeAsync();
    }

    /// <summary>Deletes this run's queues, exchanges and users so a shared broker does not fill up.</summary>
    private async Task CleanUpBrokerAsync()
    {
        if (Management is null)
        {
            return; // never started
        }

        using var http = new HttpClient { BaseAddress = new UriBuilder(Management) { UserName = string.Empty, Password = string.Empty }.Uri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(Management.UserInfo))));
        try
        {
            foreach (var queue in await http.GetFromJsonAsync<JsonElement[]>("api/queues") ?? [])
            {
                var name = queue.GetProperty("name").GetString()!;
                if (name.StartsWith(Prefix + "-", StringComparison.Ordinal) || name.StartsWith($"lishui.public.sub.{Prefix}.", StringComparison.Ordinal))
                {
                    await http.DeleteAsync($"api/queues/{Uri.EscapeDataString(queue.GetProperty("vhost").GetString()!)}/{Uri.EscapeDataString(name)}");
                }
            }

            foreach (var user in await http.GetFromJsonAsync<JsonElement[]>("api/users") ?? [])
            {
                var name = user.GetProperty("name").GetString()!;
                if (name.StartsWith(Prefix + "-", StringComparison.Ordinal))
                {
                    await http.DeleteAsync($"api/users/{Uri.EscapeDataString(name)}");
                }
            }

            // MassTransit binds each queue through an exchange of the same name, and those outlive the queue.
            foreach (var exchange in await http.GetFromJsonAsync<JsonElement[]>("api/exchanges?columns=name,vhost") ?? [])
            {
                var name = exchange.GetProperty("name").GetString()!;
                if (name.StartsWith(Prefix + "-", StringComparison.Ordinal))
                {
                    await http.DeleteAsync($"api/exchanges/{Uri.EscapeDataString(exchange.GetProperty("vhost").GetString()!)}/{Uri.EscapeDataString(name)}");
                }
            }

            await http.DeleteAsync($"api/exchanges/%2F/{Uri.EscapeDataString(Exchange)}");
        }
        catch (HttpRequestException)
        {
            // best effort: the broker of a test run is thrown away anyway
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PublicEventsCollection : ICollectionFixture<PublicEventsFactory>
{
    public const string Name = "public events on the real broker and database";
}
