using Lishui.Shared.Hosting;
using Microsoft.Extensions.Options;

namespace Lishui.Pairing.Features.Reminders;

/// <summary>Runs <see cref="ReminderCheck"/> at start and then every interval, on the injected clock.</summary>
public sealed partial class ReminderWorker(
    IServiceScopeFactory scopes,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderWorker> log) : PeriodicWorker(scopes, time, log)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var run = await services.GetRequiredService<ReminderCheck>().RunAsync(Time.GetUtcNow(), ct);
        if (run.StudyReminders + run.StationingReminders > 0)
        {
            LogSent(Log, run.StudyReminders, run.StationingReminders);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders published: {Study} study session, {Stationing} stationing visit")]
    private static partial void LogSent(ILogger logger, int study, int stationing);
}
