namespace Lishui.Notification.Domain.Delivery;

/// <summary>
/// Hours in which non-urgent messages wait (22:00–07:00 unless the person chose otherwise), in the
/// town's time zone. A window may span midnight.
/// </summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static readonly QuietHours Default = new(new TimeOnly(22, 0), new TimeOnly(7, 0));

    /// <summary>When the quiet hours that <paramref name="now"/> falls in end; null outside them.</summary>
    public DateTimeOffset? EndOfQuietAt(DateTimeOffset now, TimeZoneInfo zone)
    {
        if (Start == End)
        {
            return null;
        }

        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromTimeSpan(local.TimeOfDay);
        var inside = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!inside)
        {
            return null;
        }

        var endDate = DateOnly.FromDateTime(local.Date);
        if (Start > End && time >= Start)
        {
            endDate = endDate.AddDays(1);
        }

        var endLocal = endDate.ToDateTime(End);
        return new DateTimeOffset(endLocal, zone.GetUtcOffset(endLocal)).ToUniversalTime();
    }
}
