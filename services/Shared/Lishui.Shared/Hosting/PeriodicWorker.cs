using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lishui.Shared.Hosting;

/// <summary>
/// A check that runs once at start and then every <see cref="Interval"/>, each run in its own scope, on
/// the injected clock (tests move a fake one). A failed run is logged and simply runs again at the next
/// tick: the checks mark nothing done unless they saved it together with its outbox rows.
/// </summary>
public abstract partial class PeriodicWorker(IServiceScopeFactory scopes, TimeProvider time, ILogger log) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Log { get; } = log;

    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>One run of the check, with the run's scoped services.</summary>
    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(Log, e, GetType().Name);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Worker} run failed; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception e, string worker);
}
