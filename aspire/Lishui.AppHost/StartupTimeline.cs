using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lishui.AppHost;

/// <summary>
/// One log line when each resource first becomes healthy or finishes, with the wall-clock time in
/// Unix milliseconds, so deploy/local/up-timing.sh can put infrastructure, migrations and services
/// on the same time line as up.sh's own phases.
/// </summary>
public static class StartupTimeline
{
    /// <summary>Watches from before the first resource starts (a hosted service would start after the orchestrator).</summary>
    public static void AddStartupTimeline(this IDistributedApplicationBuilder builder) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            var log = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTimeline).FullName!);
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = Task.Run(() => WatchAsync(notifications, log, stopping), CancellationToken.None);
            return Task.CompletedTask;
        });

    private static async Task WatchAsync(ResourceNotificationService notifications, ILogger log, CancellationToken stoppingToken)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var e in notifications.WatchAsync(stoppingToken))
            {
                var snapshot = e.Snapshot;
                var state = snapshot.State?.Text;
                var milestone = snapshot.ExitCode is { } exit && state is "Finished" or "Exited"
                    ? $"finished (exit {exit})"
                    : state == "Running" && snapshot.HealthStatus == HealthStatus.Healthy
                        ? "healthy"
                        : null;
                if (milestone is not null && reported.Add(e.Resource.Name + " " + milestone))
                {
                    log.LogInformation("timeline {Resource} {Milestone} at {UnixMs}", e.Resource.Name, milestone, TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
