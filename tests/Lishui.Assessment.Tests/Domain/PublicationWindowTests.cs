using Lishui.Assessment.Domain;
using Lishui.Shared.Domain;

namespace Lishui.Assessment.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class PublicationWindowTests
{
    private static readonly WorkingDayCalendar Official = WorkingDayCalendar.Official();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_notice_published_on_a_friday_runs_monday_to_friday_of_the_next_week() =>
        Assert.Equal((D(2026, 12, 7), D(2026, 12, 11)), PublicationWindow.After(D(2026, 12, 4), 5, Official));

    [Fact]
    public void A_notice_published_on_a_wednesday_skips_the_weekend_inside_its_window() =>
        Assert.Equal((D(2026, 12, 3), D(2026, 12, 9)), PublicationWindow.After(D(2026, 12, 2), 5, Official));

    [Fact]
    public void New_years_day_is_not_a_working_day()
    {
        // 2027-01-01 is a Friday.
        Assert.Equal((D(2026, 12, 31), D(2027, 1, 7)), PublicationWindow.After(D(2026, 12, 30), 5, Official));
    }

    [Fact]
    public void A_window_spanning_the_national_day_holiday_skips_it_and_counts_the_working_saturday()
    {
        // 2025: 10-01 to 10-08 off; Sunday 09-28 and Saturday 10-11 are working days.
        // Published Friday 09-26: Sunday 09-28, Monday 09-29, Tuesday 09-30, Thursday 10-09, Friday 10-10.
        Assert.Equal((D(2025, 9, 28), D(2025, 10, 10)), PublicationWindow.After(D(2025, 9, 26), 5, Official));
        // Published Thursday 10-09: Friday 10-10, Saturday 10-11 (调休上班), then Monday to Wednesday.
        Assert.Equal((D(2025, 10, 10), D(2025, 10, 15)), PublicationWindow.After(D(2025, 10, 9), 5, Official));
    }

    [Fact]
    public void A_window_spanning_the_spring_festival_resumes_on_the_working_saturday_after_it()
    {
        // 2025: 01-28 to 02-04 off, Sunday 01-26 and Saturday 02-08 worked.
        Assert.Equal((D(2025, 1, 26), D(2025, 2, 7)), PublicationWindow.After(D(2025, 1, 24), 5, Official));
        Assert.Equal(D(2025, 2, 8), Official.AddWorkingDays(D(2025, 2, 7), 1));
    }

    [Theory]
    [InlineData("2025-05-01", false)] // 劳动节
    [InlineData("2025-04-27", true)] // a Sunday worked for it
    [InlineData("2025-06-02", false)] // 端午, a Monday
    [InlineData("2026-02-16", false)] // 春节 2026
    [InlineData("2026-02-14", true)] // the Saturday worked before it
    [InlineData("2026-10-10", true)]
    [InlineData("2026-09-25", false)] // 中秋 2026, a Friday
    [InlineData("2026-12-07", true)] // an ordinary Monday
    [InlineData("2026-12-06", false)] // an ordinary Sunday
    public void The_official_calendar_knows_holidays_and_working_weekends(string day, bool working) =>
        Assert.Equal(working, Official.IsWorkingDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void The_shipped_calendar_covers_2025_to_2027_each_with_its_source()
    {
        Assert.Equal([2025, 2026, 2027], Official.Years.Order());
        Assert.All(Official.Years, y => Assert.False(string.IsNullOrWhiteSpace(Official.YearOf(y)!.Source)));
    }

    [Fact]
    public void A_year_outside_the_calendar_skips_weekends_only_and_is_reported_once()
    {
        var reported = new List<int>();
        var calendar = WorkingDayCalendar.Official(reported.Add);

        // 2030-10-01 is a Tuesday: no data, so it counts as a working day.
        Assert.True(calendar.IsWorkingDay(D(2030, 10, 1)));
        Assert.False(calendar.IsWorkingDay(D(2030, 10, 5)));
        Assert.Equal((D(2030, 9, 30), D(2030, 10, 4)), PublicationWindow.After(D(2030, 9, 27), 5, calendar));
        Assert.Equal([2030], reported);
    }

    [Fact]
    public void The_town_adds_a_year_by_adding_data()
    {
        using var json = new MemoryStream("""
            {"years":[{"year":2030,"source":"国务院办公厅关于2030年部分节假日安排的通知","holidays":["2030-10-01","2030-10-02"],"workingWeekends":["2030-09-29"]}]}
            """u8.ToArray());
        var calendar = new WorkingDayCalendar(WorkingDayCalendar.Read(json));

        Assert.False(calendar.IsWorkingDay(D(2030, 10, 1)));
        Assert.True(calendar.IsWorkingDay(D(2030, 9, 29)));
    }

    [Fact]
    public void Calendar_data_naming_a_weekday_as_a_working_weekend_is_refused()
    {
        using var json = new MemoryStream("""
            {"years":[{"year":2030,"source":"x","holidays":[],"workingWeekends":["2030-10-01"]}]}
            """u8.ToArray());

        Assert.Throws<InvalidOperationException>(() => WorkingDayCalendar.Read(json));
    }

    [Theory]
    [InlineData("2026-12-04", false, NoticeState.Open)] // published, the window not yet begun: objections are already taken
    [InlineData("2026-12-11", false, NoticeState.Open)] // the window's last day
    [InlineData("2026-12-12", false, NoticeState.Closed)]
    [InlineData("2026-12-12", true, NoticeState.Final)]
    public void A_notice_is_open_to_its_windows_last_day_then_closed_until_final(string today, bool final, NoticeState expected) =>
        Assert.Equal(expected, NoticeStates.Of(final, D(2026, 12, 11), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
