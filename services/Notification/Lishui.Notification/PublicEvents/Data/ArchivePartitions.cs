using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.PublicEvents.Data;

/// <summary>
/// The archive has one partition a month. Partitions are made ahead (current month and the next
/// three) by <see cref="ArchivePartitionMaintainer"/>; an event from another month (a late or old
/// event) gets its partition on the spot. Known months are remembered so the check costs nothing.
/// </summary>
public sealed class ArchivePartitions
{
    private readonly ConcurrentDictionary<DateOnly, bool> known = new();

    public async Task EnsureAsync(PublicEventsDb db, DateTimeOffset time, CancellationToken ct)
    {
        var month = new DateOnly(time.UtcDateTime.Year, time.UtcDateTime.Month, 1);
        if (known.ContainsKey(month))
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"SELECT public_events.ensure_archive_partition({time})", ct);
        known.TryAdd(month, true);
    }
}

public sealed partial class ArchivePartitionMaintainer(IServiceScopeFactory scopes, [FromKeyedServices(PublicEventsModule.Clock)] TimeProvider time, ILogger<ArchivePartitionMaintainer> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PublicEventsDb>();
                var now = time.GetUtcNow();
                for (var ahead = 0; ahead <= 3; ahead++)
                {
                    await db.Database.ExecuteSqlAsync($"SELECT public_events.ensure_archive_partition({now.AddMonths(ahead)})", stoppingToken);
                }

                await Task.Delay(TimeSpan.FromHours(12), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(log, e);
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not create the archive's partitions ahead; retrying in a minute")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
