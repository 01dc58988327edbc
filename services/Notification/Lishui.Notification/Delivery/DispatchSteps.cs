using Lishui.Notification.Data;
using Lishui.Notification.Delivery.Channels;
using Lishui.Notification.Domain.Delivery;
using Microsoft.Extensions.Options;

namespace Lishui.Notification.Delivery;

/// <summary>What the dispatcher's steps do alike: wait out quiet hours, park a dispatch with its reason, ask whether a channel is configured.</summary>
public sealed class DispatchSteps(
    NotificationDbContext db,
    IEnumerable<IExternalChannel> channels,
    IOptions<DeliveryOptions> options,
    ILogger<DispatchProcessor> log)
{
    private DeliveryOptions Options => options.Value;

    public bool Defer(Dispatch dispatch, QuietHours quiet, DateTimeOffset now)
    {
        if (dispatch.Urgent || quiet.EndOfQuietAt(now, Options.Zone()) is not { } end)
        {
            return false;
        }

        dispatch.Defer(end);
        db.DeliveryLog.Add(DeliveryLogEntry.For(dispatch, null, "Deferred", dispatch.Attempts + 1, $"quiet hours until {end:O}", now));
        return true;
    }

    public bool Offered(DeliveryChannel channel) => channels.Any(c => c.Channel == channel && c.Configured);

    public void Park(Dispatch dispatch, string reason, DateTimeOffset now)
    {
        dispatch.Park(reason, now + Options.ParkedRetryInterval);
        db.DeliveryLog.Add(DeliveryLogEntry.For(dispatch, null, "Parked", dispatch.Attempts, reason, now));
        log.LogInformation("Dispatch {DispatchId} ({Kind}) parked: {Reason}", dispatch.Id, dispatch.Kind, reason);
    }
}
