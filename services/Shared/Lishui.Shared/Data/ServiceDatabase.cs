using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lishui.Shared.Data;

public static class ServiceDatabase
{
    /// <summary>The service's own PostgreSQL database, with a readiness check.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var configured = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} (this service's PostgreSQL database) is not configured.");
        // A pooled connection is handed back without DISCARD ALL, a statement per use saved: nothing of
        // ours leaves session state on it (SET LOCAL and xact locks end with their transaction, and the
        // outbox relay's LISTEN connection is not pooled).
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(configured) { NoResetOnClose = true }.ConnectionString;
        // Aggregates' events become outbox rows first, so the audit entry of an HTTP request's change
        // (a no-op for contexts whose model has no audit table) names them.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddDbContext<TDbContext>((services, o) => o.UseNpgsql(connectionString)
            .AddInterceptors(DomainEventsToOutbox.Instance, new AuditInterceptor(services.GetRequiredService<IHttpContextAccessor>(), services.GetService<TimeProvider>() ?? TimeProvider.System), UtcTimestamps.Instance));
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>("database", tags: ["ready"]);
        builder.Services.AddHostedService<DatabaseWarmup<TDbContext>>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// <c>&lt;service&gt; migrate</c>: apply the EF Core migrations and exit. The app host and the
    /// Kubernetes Job run this before the service starts; the API process itself never migrates,
    /// so replicas never race on schema changes.
    /// </summary>
    public static async Task<bool> TryRunMigrationsAsync<TDbContext>(string[] args, string connectionName)
        where TDbContext : DbContext
    {
        if (args is not ["migrate", ..])
        {
            return false;
        }

        var builder = Host.CreateApplicationBuilder(args[1..]);
        builder.AddServiceDatabase<TDbContext>(connectionName);
        using var host = builder.Build();
        var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();

        // The database server may still be starting: retry the first connection for a while.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                log.LogInformation("{Context}: applying {Count} pending migrations: {Names}", typeof(TDbContext).Name, pending.Count, string.Join(", ", pending));
                await db.Database.MigrateAsync();
                log.LogInformation("{Context}: database is up to date", typeof(TDbContext).Name);
                return true;
            }
            catch (Npgsql.NpgsqlException e) when (attempt < 30 && e.IsTransient)
            {
                log.LogWarning("{Context}: database not reachable yet ({Message}); attempt {Attempt}", typeof(TDbContext).Name, e.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
