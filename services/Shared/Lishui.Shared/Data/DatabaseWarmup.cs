using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lishui.Shared.Data;

/// <summary>
/// Builds the EF Core model and opens a first pooled connection while the host starts, instead of
/// on the first request (the readiness probe's): on two cores that work runs beside the bus start
/// and the routing table's first build. Nothing waits for it; a failure is the probe's to report.
/// </summary>
internal sealed partial class DatabaseWarmup<TDbContext>(IServiceScopeFactory scopes, ILogger<DatabaseWarmup<TDbContext>> log) : IHostedService
    where TDbContext : DbContext
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                _ = db.Model;
                await db.Database.CanConnectAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                WarmupFailed(log, e.Message);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Debug, "Warming the database up at start failed ({Message}); the readiness probe will tell")]
    private static partial void WarmupFailed(ILogger log, string message);
}
