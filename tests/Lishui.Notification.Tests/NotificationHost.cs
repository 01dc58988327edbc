using Lishui.Notification.Data;
using Lishui.Notification.Delivery;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lishui.Notification.Tests;

/// <summary>
/// Notification in process on its own real, migrated PostgreSQL database and the real RabbitMQ broker
/// (its own queue prefix). Events are published on the broker; settings and the clock are the test's.
/// </summary>
public sealed class NotificationHost(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    : ServiceApiFactory<Program, NotificationDbContext>("notification", NotificationDbContext.ConnectionName)
{
    public FakeTimeProvider? Clock => clock;

    public static async Task<NotificationHost> StartAsync(IReadOnlyDictionary<string, string?> settings, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var host = new NotificationHost(settings, clock, services);
        await host.InitializeAsync();
        await host.StartedAsync();
        return host;
    }

    /// <summary>As <c>notification migrate</c> does: the public-events module's schema too (its endpoints are in the matrix).</summary>
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = new PublicEventsDb(new DbContextOptionsBuilder<PublicEventsDb>().UseNpgsql(Database).Options);
        await db.Database.MigrateAsync();
    }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Notification:Delivery:PollInterval", "00:00:00.200");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void ConfigureTestServices(IServiceCollection testServices)
    {
        if (clock is not null)
        {
            testServices.AddSingleton<TimeProvider>(clock);
        }

        services?.Invoke(testServices);
    }

    /// <summary>One dispatcher pass now (the background dispatcher also runs; rows are claimed with SKIP LOCKED).</summary>
    public async Task<int> DispatchAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DispatchProcessor>().RunOnceAsync(CancellationToken.None);
    }
}
