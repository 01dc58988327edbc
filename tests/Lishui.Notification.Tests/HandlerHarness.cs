using Lishui.Notification.Data;
using Lishui.Notification.Domain.Templates;
using Lishui.Testing;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Notification.Tests;

/// <summary>
/// Notification's handlers on MassTransit's in-memory harness over a real, migrated PostgreSQL
/// database of their own: the subject is the handler logic, the inbox and data are real.
/// </summary>
public sealed class HandlerHarness : IAsyncDisposable
{
    private readonly TestInfrastructure infrastructure;

    private HandlerHarness(TestInfrastructure infrastructure, ServiceProvider provider)
    {
        this.infrastructure = infrastructure;
        Provider = provider;
    }

    public ServiceProvider Provider { get; }

    public ITestHarness Harness => Provider.GetRequiredService<ITestHarness>();

    public static async Task<HandlerHarness> StartAsync(string databasePrefix, Action<IBusRegistrationConfigurator> consumers)
    {
        var infrastructure = new TestInfrastructure();
        await infrastructure.InitializeAsync();
        var database = await infrastructure.CreateDatabaseAsync(databasePrefix);
        var provider = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddDbContext<NotificationDbContext>(o => o.UseNpgsql(database))
            .AddSingleton<TemplateCache>()
            .AddScoped<ITemplateLibrary, TemplateLibrary>()
            .AddMassTransitTestHarness(consumers)
            .BuildServiceProvider(true);
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NotificationDbContext>().Database.MigrateAsync();
        }

        await provider.GetRequiredService<ITestHarness>().Start();
        return new HandlerHarness(infrastructure, provider);
    }

    public async Task<T> WithDbAsync<T>(Func<NotificationDbContext, Task<T>> work)
    {
        await using var scope = Provider.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<NotificationDbContext>());
    }

    public async Task WaitUntilAsync(Func<ITestHarness, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await HarnessRead.OffCallbackAsync(() => done(Harness)))
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await infrastructure.DisposeAsync();
    }
}
