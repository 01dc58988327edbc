using Lishui.Pairing.Domain;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class TuesdayCalendarTests
{
    private static readonly ReminderPolicy Policy = new(new TimeOnly(20, 0), TimeSpan.FromHours(1));
    private static readonly DateTimeOffset NineOnTuesday = TownCalendar.At(new DateOnly(2026, 12, 8), new TimeOnly(9, 0));

    private static DateTimeOffset Town(int day, int hour, int minute = 0) => TownCalendar.At(new DateOnly(2026, 12, day), new TimeOnly(hour, minute));

    [Theory]
    [InlineData("2026-12-07", "2026-12-08")] // Monday
    [InlineData("2026-12-08", "2026-12-08")] // Tuesday
    [InlineData("2026-12-13", "2026-12-08")] // Sunday belongs to the week that began on Monday
    [InlineData("2026-12-14", "2026-12-15")]
    public void Every_day_names_the_Tuesday_of_its_week(string day, string tuesday) =>
        Assert.Equal(DateOnly.Parse(tuesday, System.Globalization.CultureInfo.InvariantCulture), TownCalendar.TuesdayOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Town_time_is_eight_hours_ahead_of_UTC_all_year()
    {
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 1, 0, 0, TimeSpan.Zero), NineOnTuesday);
        Assert.Equal(new DateTimeOffset(2026, 7, 7, 1, 0, 0, TimeSpan.Zero), TownCalendar.At(new DateOnly(2026, 7, 7), new TimeOnly(9, 0)));
        Assert.Equal(new DateOnly(2026, 12, 8), TownCalendar.DateOf(new DateTimeOffset(2026, 12, 7, 16, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_evening_reminder_falls_due_at_eight_the_day_before_and_the_hour_reminder_an_hour_ahead()
    {
        Assert.Null(Policy.Due(NineOnTuesday, Town(7, 19, 59), false, false));
        Assert.Equal(ReminderLead.EveningBefore, Policy.Due(NineOnTuesday, Town(7, 20), false, false));
        Assert.Null(Policy.Due(NineOnTuesday, Town(7, 23), true, false));
        Assert.Null(Policy.Due(NineOnTuesday, Town(8, 7, 59), true, false));
        Assert.Equal(ReminderLead.HourBefore, Policy.Due(NineOnTuesday, Town(8, 8), true, false));
        Assert.Null(Policy.Due(NineOnTuesday, Town(8, 8, 30), true, true));
        Assert.Null(Policy.Due(NineOnTuesday, Town(8, 9), false, false));
    }

    [Fact]
    public void A_session_moved_at_short_notice_gets_only_the_reminder_still_worth_sending()
    {
        // Moved at 08:15 to start at 09:00: the evening is long gone, the hour reminder goes at once.
        Assert.Equal(ReminderLead.HourBefore, Policy.Due(NineOnTuesday, Town(8, 8, 15), false, false));
    }

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 199-1234-5678", "19912345678")]
    [InlineData("12812345678", null)]
    [InlineData("1381234567", null)]
    [InlineData("138123456789", null)]
    [InlineData("02012345678", null)]
    [InlineData("1381234567a", null)]
    public void Only_mainland_mobile_numbers_are_accepted(string input, string? expected) =>
        Assert.Equal(expected, MainlandMobile.Normalise(input));

    [Fact]
    public void Reference_numbers_are_prefixed_by_year_and_padded()
    {
        Assert.Equal("ZD2026-00017", ResidentRequest.FormatReference(2026, 17));
        Assert.Equal("ZD2027-123456", ResidentRequest.FormatReference(2027, 123456));
    }

    [Fact]
    public void A_moved_session_may_not_share_its_day_with_the_same_group_nor_overlap_a_group_sharing_an_organisation()
    {
        var group = Guid.CreateVersion7();
        var session = ScheduledStudySession.Plan(Guid.CreateVersion7(), group, new DateOnly(2026, 12, 8), new TimeOnly(9, 0), 120, "鹤峰村委会");
        var now = Town(1, 9);
        CalendarSlot Other(Guid pairing, int day, int hour) => new(Guid.CreateVersion7(), pairing, Town(day, hour), Town(day, hour).AddHours(2));

        var sameGroupSameDay = Assert.Throws<BusinessRuleViolation>(() =>
            session.MoveTo(new DateOnly(2026, 12, 9), new TimeOnly(9, 0), null, "节假日", "书记", now, [Other(group, 9, 19)]));
        var overlapping = Assert.Throws<BusinessRuleViolation>(() =>
            session.MoveTo(new DateOnly(2026, 12, 9), new TimeOnly(9, 0), null, "节假日", "书记", now, [Other(Guid.CreateVersion7(), 9, 10)]));
        session.MoveTo(new DateOnly(2026, 12, 9), new TimeOnly(9, 0), null, "节假日", "书记", now, [Other(Guid.CreateVersion7(), 9, 11)]);

        Assert.Equal(MovedSessionMustNotCollideRule.RuleCode, sameGroupSameDay.Rule.Code);
        Assert.Equal(MovedSessionMustNotCollideRule.RuleCode, overlapping.Rule.Code);
        Assert.Equal(ScheduledSessionStatus.Moved, session.Status);
        Assert.Equal(Town(9, 11), session.EndsAt);
    }
}
