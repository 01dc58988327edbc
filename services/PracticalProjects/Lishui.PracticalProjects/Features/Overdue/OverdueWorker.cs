using Microsoft.Extensions.Options;

namespace Lishui.PracticalProjects.Features.Overdue;

/// <summary>Runs <see cref="OverdueCheck"/> at start and then every interval (timer and "today" from the injected TimeProvider).</summary>
public sealed partial class OverdueWorker(IServiceScopeFactory scopes, IOptions<OverdueOptions> options, TimeProvider time, ILogger<OverdueWorker> log)
    : BackgroundService
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
                var (projects, requests) = await scope.ServiceProvider.GetRequiredService<OverdueCheck>().RunAsync(time.Today(), stoppingToken);
                LogChecked(projects, requests);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next run picks up whatever this one missed: nothing is marked unless saved.
                LogCheckFailed(e);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Overdue check published {Projects} ProjectOverdue and {Requests} ResidentRequestOverdue events")]
    private partial void LogChecked(int projects, int requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Overdue check failed; it runs again at the next interval")]
    private partial void LogCheckFailed(Exception e);
}
