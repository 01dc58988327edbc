using Microsoft.Extensions.Options;

namespace Lishui.Notification.Delivery;

/// <summary>Runs the dispatcher's passes in the background: at once while there is work, else every poll interval.</summary>
public sealed class DeliveryDispatcher(IServiceScopeFactory scopes, TimeProvider time, IOptions<DeliveryOptions> options, ILogger<DeliveryDispatcher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                busy = await scope.ServiceProvider.GetRequiredService<DispatchProcessor>().RunOnceAsync(stoppingToken) > 0;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Delivery pass failed; trying again after the poll interval");
            }

            if (busy)
            {
                continue;
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
