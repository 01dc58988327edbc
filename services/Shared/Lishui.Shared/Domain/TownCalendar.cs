namespace Lishui.Shared.Domain;

/// <summary>
/// The town's wall clock (Asia/Shanghai). China keeps one zone without daylight saving, so a fixed
/// UTC+8 is exact and needs no time-zone database on the host. Every service's "today" is the
/// town's: between 00:00 and 08:00 in Lishui the UTC date is still yesterday.
/// </summary>
public static class TownCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The instant of a local date and time in the town, in UTC (how instants are stored).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new DateTimeOffset(date.ToDateTime(time), Offset).ToUniversalTime();

    /// <summary>The same instant, shown as town time.</summary>
    public static DateTimeOffset InTown(DateTimeOffset instant) => instant.ToOffset(Offset);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(InTown(instant).DateTime);

    /// <summary>The town's date now.</summary>
    public static DateOnly Today(this TimeProvider time) => DateOf(time.GetUtcNow());

    public static TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(InTown(instant).DateTime);

    /// <summary>The Tuesday of the (Monday-to-Sunday) week <paramref name="date"/> falls in.</summary>
    public static DateOnly TuesdayOf(DateOnly date)
    {
        var sinceMonday = ((int)date.DayOfWeek + 6) % 7;
        return date.AddDays(1 - sinceMonday);
    }

    /// <summary>The first Tuesday on or after <paramref name="date"/>.</summary>
    public static DateOnly FirstTuesdayFrom(DateOnly date)
    {
        var tuesday = TuesdayOf(date);
        return tuesday < date ? tuesday.AddDays(7) : tuesday;
    }

    /// <summary>Every Tuesday from the week of <paramref name="from"/> to the week of <paramref name="to"/>.</summary>
    public static IEnumerable<DateOnly> Tuesdays(DateOnly from, DateOnly to)
    {
        for (var tuesday = TuesdayOf(from); tuesday <= TuesdayOf(to); tuesday = tuesday.AddDays(7))
        {
            yield return tuesday;
        }
    }
}
