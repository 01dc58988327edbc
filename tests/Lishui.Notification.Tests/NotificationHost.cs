using System.Net.Http.Headers;
using Lishui.Notification.Data;
using Lishui.Notification.Delivery;
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

namespace Lishui.Notification.Tests;

/// <summary>The queues Notification declares (each with an _error twin), so tests can remove theirs afterwards.</summary>
public static class NotificationQueues
{
    public static readonly string[] Names =
    [
        "member-registered", "member-status-changed", "member-transferred", "member-role-assigned", "member-role-revoked",
        "organisation-created", "organisation-moved", "study-session-reminder-due", "stationing-visit-reminder-due",
        "contact-overdue", "assessment-notice-published", "objection-filed", "organisational-talk-required",
        "withdrawal-advice-case-opened", "member-commended", "organisational-talk-overdue", "resident-request-answered", "resident-request-turned-into-project", "project-overdue",
        "resident-request-reopened",
    ];

    public static string[] WithPrefix(string prefix) =>
        [.. Names.SelectMany(q => new[] { $"{prefix}-{q}", $"{prefix}-{q}_error" })];

    /// <summary>
    /// Deletes the test's queues: the known ones, plus (when the management API is given) any other
    /// queue with the prefix, e.g. those of consumers added to the service later.
    /// </summary>
    public static async Task DeleteAsync(TestInfrastructure infrastructure, string prefix)
    {
        var names = new HashSet<string>(WithPrefix(prefix));
        if (Environment.GetEnvironmentVariable("LISHUI_TEST_RABBITMQ_MANAGEMENT") is { Length: > 0 } management)
        {
            try
            {
                var uri = new Uri(management);
                using var http = new HttpClient { BaseAddress = new Uri(uri.GetLeftPart(UriPartial.Authority)) };
                http.DefaultRequestHeaders.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Uri.UnescapeDataString(uri.UserInfo))));
                var queues = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(http, "/api/queues?columns=name");
                names.UnionWith(queues.EnumerateArray().Select(q => q.GetProperty("name").GetString()!).Where(n => n.StartsWith(prefix + "-", StringComparison.Ordinal)));
            }
            catch (HttpRequestException)
            {
                // Best effort: the known queues are deleted below all the same.
            }
        }

        await infrastructure.DeleteQueuesAsync([.. names]);
    }
}

/// <summary>
/// Notification in process on its own real, migrated PostgreSQL database and the real RabbitMQ broker
/// (its own queue prefix). Events are published on the broker; settings and the clock are the test's.
/// </summary>
public sealed class NotificationHost(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    private readonly TestInfrastructure infrastructure = new();
    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..10];
    private string database = string.Empty;

    public FakeTimeProvider? Clock => clock;

    public static async Task<NotificationHost> StartAsync(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var host = new NotificationHost(settings, clock, services);
        await host.infrastructure.InitializeAsync();
        host.database = await host.infrastructure.CreateDatabaseAsync("notification");
        await using (var db = new NotificationDbContext(new DbContextOptionsBuilder<NotificationDbContext>().UseNpgsql(host.database).Options))
        {
            await db.Database.MigrateAsync();
        }

        // As `notification migrate` does: the public-events module's schema too (its endpoints are in the matrix).
        await using (var db = new PublicEventsDb(new DbContextOptionsBuilder<PublicEventsDb>().UseNpgsql(host.database).Options))
        {
            await db.Database.MigrateAsync();
        }

        _ = host.Services; // starts the host: the bus binds its queues
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        TestSecurity.Apply(builder);
        builder.UseSetting($"ConnectionStrings:{NotificationDbContext.ConnectionName}", database);
        builder.UseSetting($"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}", infrastructure.RabbitMq.ToString());
        builder.UseSetting("Messaging:EndpointPrefix", prefix);
        builder.UseSetting("Notification:Delivery:PollInterval", "00:00:00.200");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }

    /// <summary>The usual client calls as a town administrator, so the delivery tests need not think of tokens.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.WithToken(TestTokens.TownAdministrator());
    }

    /// <summary>A client with another token; null for an anonymous one.</summary>
    public HttpClient ClientWith(string? token) => CreateClient().WithToken(token);

    public Task PublishAsync<T>(T message)
        where T : class =>
        Services.GetRequiredService<IBus>().PublishWithinDeadlineAsync(message);

    public async Task<T> WithDbAsync<T>(Func<NotificationDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NotificationDbContext>());
    }

    /// <summary>One dispatcher pass now (the background dispatcher also runs; rows are claimed with SKIP LOCKED).</summary>
    public async Task<int> DispatchAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchProcessor>().RunOnceAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await NotificationQueues.DeleteAsync(infrastructure, prefix);
        await infrastructure.DisposeAsync();
    }
}
