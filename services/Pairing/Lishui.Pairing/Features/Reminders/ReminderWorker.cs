using Microsoft.Extensions.Options;

namespace Lishui.Pairing.Features.Reminders;

/// <summary>Runs <see cref="ReminderCheck"/> at start and then every interval, on the injected clock.</summary>
public sealed partial class ReminderWorker(
    IServiceScopeFactory scopes,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var run = await scope.ServiceProvider.GetRequiredService<ReminderCheck>().RunAsync(time.GetUtcNow(), stoppingToken);
                if (run.StudyReminders + run.StationingReminders > 0)
                {
                    LogSent(run.StudyReminders, run.StationingReminders);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Nothing is marked sent unless its outbox row was saved with it: the next run retries.
                LogFailed(e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders published: {Study} study session, {Stationing} stationing visit")]
    private partial void LogSent(int study, int stationing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder check failed; it runs again at the next interval")]
    private partial void LogFailed(Exception e);
}
