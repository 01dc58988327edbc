namespace Lishui.Pairing.Features.Contacts;

public sealed class ContactOverdueOptions
{
    /// <summary>How often the check runs; daily is what the town needs, tests and operators may shorten it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    public bool Enabled { get; set; } = true;
}

/// <summary>Runs <see cref="ContactOverdueCheck"/> at start and then every interval.</summary>
public sealed partial class ContactOverdueWorker(
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<ContactOverdueOptions> options,
    TimeProvider time,
    ILogger<ContactOverdueWorker> log) : BackgroundService
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
                var published = await scope.ServiceProvider.GetRequiredService<ContactOverdueCheck>().RunAsync(time.Today(), stoppingToken);
                LogChecked(published);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Contact overdue check published {Count} ContactOverdue events")]
    private partial void LogChecked(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Contact overdue check failed; it runs again at the next interval")]
    private partial void LogCheckFailed(Exception e);
}
