using Lishui.Assessment.Domain;

namespace Lishui.Assessment.Tests.Domain;

public sealed class PublicationWindowTests
{
    private static readonly HashSet<DateOnly> NoHolidays = [];

    [Fact]
    public void A_notice_published_on_a_friday_runs_monday_to_friday_of_the_next_week() =>
        Assert.Equal((new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 11)), PublicationWindow.After(new DateOnly(2026, 12, 4), 5, NoHolidays));

    [Fact]
    public void A_notice_published_on_a_wednesday_skips_the_weekend_inside_its_window() =>
        Assert.Equal((new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 9)), PublicationWindow.After(new DateOnly(2026, 12, 2), 5, NoHolidays));

    [Fact]
    public void Public_holidays_are_not_working_days()
    {
        // New Year's Day 2027 is a Friday.
        HashSet<DateOnly> holidays = [new DateOnly(2027, 1, 1)];

        Assert.Equal((new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 7)), PublicationWindow.After(new DateOnly(2026, 12, 30), 5, holidays));
    }

    [Theory]
    [InlineData("2026-12-04", false, NoticeState.Open)] // published, the window not yet begun: objections are already taken
    [InlineData("2026-12-11", false, NoticeState.Open)] // the window's last day
    [InlineData("2026-12-12", false, NoticeState.Closed)]
    [InlineData("2026-12-12", true, NoticeState.Final)]
    public void A_notice_is_open_to_its_windows_last_day_then_closed_until_final(string today, bool final, NoticeState expected) =>
        Assert.Equal(expected, NoticeStates.Of(final, new DateOnly(2026, 12, 11), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
}
