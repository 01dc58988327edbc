namespace Lishui.PracticalProjects.Domain;

/// <summary>Counting overdue periods: a deadline passed, then one more period every <c>periodDays</c>.</summary>
public static class OverduePeriods
{
    /// <summary>Null while <paramref name="today"/> is on or before the deadline; 1 from the day after, 2 a period later, …</summary>
    public static int? Current(DateOnly start, int periodDays, DateOnly today)
    {
        var days = today.DayNumber - start.DayNumber;
        return days <= periodDays ? null : ((days - 1) / periodDays);
    }

    /// <summary>Periods after a fixed deadline (a project's planned end), each <paramref name="periodDays"/> long.</summary>
    public static int? AfterDeadline(DateOnly deadline, int periodDays, DateOnly today)
    {
        var days = today.DayNumber - deadline.DayNumber;
        return days <= 0 ? null : ((days - 1) / periodDays) + 1;
    }
}
