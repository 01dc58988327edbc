using Lishui.Membership.Data;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Membership.Tests.Api;

/// <summary>
/// The Membership service in process, on a real PostgreSQL database of its own (migrated with the
/// service's migrations) and the real broker.
/// </summary>
public class MembershipApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly TestInfrastructure infrastructure = new();
    private string database = string.Empty;

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        database = await infrastructure.CreateDatabaseAsync("membership");
        await using var db = new MembershipDbContext(new DbContextOptionsBuilder<MembershipDbContext>().UseNpgsql(database).Options);
        await db.Database.MigrateAsync();
    }

    /// <summary>Points the service at another broker (e.g. one that is down).</summary>
    protected virtual Uri? BrokerOverride => null;

    public async Task<T> WithDbAsync<T>(Func<MembershipDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<MembershipDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting($"ConnectionStrings:{MembershipDbContext.ConnectionName}", database);
        builder.UseSetting($"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}", (BrokerOverride ?? infrastructure.RabbitMq).ToString());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await infrastructure.DisposeAsync();
    }
}
