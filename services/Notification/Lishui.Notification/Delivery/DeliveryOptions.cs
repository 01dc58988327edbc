using Lishui.Notification.Domain.Delivery;

namespace Lishui.Notification.Delivery;

/// <summary>Notification:Delivery: how the dispatcher paces, retries and combines messages.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Notification:Delivery";

    /// <summary>How often the dispatcher looks for due messages and retries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Reminders for one person arriving within this window go out as one message.</summary>
    public TimeSpan DigestWindow { get; set; } = TimeSpan.FromMinutes(10);

    public int MaxChannelAttempts { get; set; } = 5;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>When a parked message (unknown recipient, no channel, render failure) is tried again.</summary>
    public TimeSpan ParkedRetryInterval { get; set; } = TimeSpan.FromMinutes(5);

    public int BatchSize { get; set; } = 50;

    /// <summary>The town's time zone, for quiet hours.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public RetrySchedule Retry => new(MaxChannelAttempts, RetryBaseDelay, RetryMaxDelay, ParkedRetryInterval);

    public TimeZoneInfo Zone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            // China keeps UTC+8 all year: a fixed offset is right when the image has no tz database.
            return TimeZoneInfo.CreateCustomTimeZone(TimeZone, TimeSpan.FromHours(8), TimeZone, TimeZone);
        }
    }
}
