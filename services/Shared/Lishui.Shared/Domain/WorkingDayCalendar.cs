using System.Collections.Concurrent;
using System.Text.Json;

namespace Lishui.Shared.Domain;

/// <summary>
/// China's working days: Monday to Friday, minus the official public holidays, plus the weekends
/// made working days (调休上班), year by year as the State Council's notices set them. The data is
/// <c>Domain/Calendar/working-days.json</c> (embedded): the town adds a year by adding an entry there.
/// A date in a year the data does not hold falls back to weekends only, and the fallback is reported
/// once per year (the platform logs it), so a missing year shows up instead of silently miscounting.
/// </summary>
public sealed class WorkingDayCalendar
{
    private const string ResourceName = "Lishui.Shared.Domain.Calendar.working-days.json";

    private static readonly Lazy<IReadOnlyList<CalendarYear>> OfficialYears = new(() =>
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The working-day calendar {ResourceName} is not embedded.");
        return Read(stream);
    });

    private readonly Dictionary<int, CalendarYear> years;
    private readonly Action<int>? yearNotCovered;
    private readonly ConcurrentDictionary<int, bool> reported = new();

    public WorkingDayCalendar(IEnumerable<CalendarYear> years, Action<int>? yearNotCovered = null)
    {
        this.years = years.ToDictionary(y => y.Year);
        this.yearNotCovered = yearNotCovered;
    }

    /// <summary>The calendar shipped with the platform; <paramref name="yearNotCovered"/> hears once of each year it does not hold.</summary>
    public static WorkingDayCalendar Official(Action<int>? yearNotCovered = null) => new(OfficialYears.Value, yearNotCovered);

    /// <summary>Weekends only: what a year outside the data gets, and what tests about weekdays alone use.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new([]);

    public IReadOnlyCollection<int> Years => years.Keys;

    public CalendarYear? YearOf(int year) => years.GetValueOrDefault(year);

    public bool IsWorkingDay(DateOnly day)
    {
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (!years.TryGetValue(day.Year, out var year))
        {
            if (yearNotCovered is not null && reported.TryAdd(day.Year, true))
            {
                yearNotCovered(day.Year);
            }

            return !weekend;
        }

        return weekend ? year.WorkingWeekends.Contains(day) : !year.Holidays.Contains(day);
    }

    /// <summary>The first working day after <paramref name="day"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly day)
    {
        do
        {
            day = day.AddDays(1);
        }
        while (!IsWorkingDay(day));
        return day;
    }

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="day"/> (1 = the next one).</summary>
    public DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        for (var counted = 0; counted < workingDays; counted++)
        {
            day = NextWorkingDay(day);
        }

        return day;
    }

    /// <summary>Reads calendar data in the shape of <c>working-days.json</c>.</summary>
    public static IReadOnlyList<CalendarYear> Read(Stream json)
    {
        var file = JsonSerializer.Deserialize<CalendarFile>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The working-day calendar is empty.");
        var result = new List<CalendarYear>();
        foreach (var y in file.Years)
        {
            var holidays = y.Holidays.ToHashSet();
            var working = y.WorkingWeekends.ToHashSet();
            if (holidays.Concat(working).FirstOrDefault(d => d.Year != y.Year) is { } stray && stray != default)
            {
                throw new InvalidOperationException($"Working-day calendar {y.Year}: {stray:yyyy-MM-dd} belongs to another year.");
            }

            if (working.FirstOrDefault(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) is { } weekday && weekday != default)
            {
                throw new InvalidOperationException($"Working-day calendar {y.Year}: {weekday:yyyy-MM-dd} is listed as a working weekend but is a weekday.");
            }

            result.Add(new CalendarYear(y.Year, y.Source, y.Provisional, holidays, working));
        }

        if (result.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Working-day calendar: {twice.Key} is listed twice.");
        }

        return result;
    }

    private sealed record CalendarFile(List<CalendarFileYear> Years);

    private sealed record CalendarFileYear(int Year, string Source, bool Provisional, List<DateOnly> Holidays, List<DateOnly> WorkingWeekends);
}

/// <summary>One year of the calendar: days off on weekdays, weekends worked, and the notice they come from.</summary>
public sealed record CalendarYear(int Year, string Source, bool Provisional, IReadOnlySet<DateOnly> Holidays, IReadOnlySet<DateOnly> WorkingWeekends);
