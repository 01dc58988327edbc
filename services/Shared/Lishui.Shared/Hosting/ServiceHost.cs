using Lishui.Shared.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Hosting;

/// <summary>A service's entry point: <c>&lt;service&gt; migrate</c> brings its database up to date and exits; otherwise the API runs.</summary>
public static class ServiceHost
{
    /// <param name="migrateModules">Migrations of modules with a schema of their own, run after the service's.</param>
    public static async Task RunAsync<TDbContext>(
        string[] args,
        string connectionName,
        Action<WebApplicationBuilder> add,
        Action<WebApplication> map,
        Func<string[], Task>? migrateModules = null)
        where TDbContext : DbContext
    {
        if (await ServiceDatabase.TryRunMigrationsAsync<TDbContext>(args, connectionName))
        {
            if (migrateModules is not null)
            {
                await migrateModules(args);
            }

            return;
        }

        var builder = WebApplication.CreateBuilder(args);
        add(builder);
        var app = builder.Build();
        map(app);
        await app.RunAsync();
    }
}
