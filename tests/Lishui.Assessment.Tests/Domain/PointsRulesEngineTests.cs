using Lishui.Assessment.Domain;

namespace Lishui.Assessment.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class PointsRulesEngineTests
{
    private const string Attendance = "lishui:example:study-attended:v1";
    private static readonly Guid Member = Guid.NewGuid();

    private static readonly PointsRule AttendanceRule = new("tuesday-study", Attendance, "organisational-life", 2, 20, RulePeriod.Year);

    private static ScorableEvent Event(string type = Attendance, int month = 3) =>
        new(type, Guid.NewGuid(), Member, new DateOnly(2026, month, 10));

    [Fact]
    public void An_event_scores_through_the_rule_for_its_type()
    {
        var award = Assert.Single(PointsRulesEngine.Score([AttendanceRule], Event(), _ => 0));

        Assert.Equal(("tuesday-study", "organisational-life", 2m, Member), (award.RuleCode, award.Dimension, award.Points, award.SubjectId));
    }

    [Fact]
    public void An_event_no_rule_mentions_scores_nothing() =>
        Assert.Empty(PointsRulesEngine.Score([AttendanceRule], Event("lishui:membership:member-registered:v1"), _ => 0));

    [Fact]
    public void The_last_award_before_the_cap_is_cut_to_what_is_left_and_after_it_nothing_scores()
    {
        Assert.Equal(1m, Assert.Single(PointsRulesEngine.Score([AttendanceRule], Event(), _ => 19)).Points);
        Assert.Empty(PointsRulesEngine.Score([AttendanceRule], Event(), _ => 20));
    }

    [Fact]
    public void A_deduction_rule_is_capped_by_how_much_it_may_take_away()
    {
        var overdue = new PointsRule("contact-overdue", "lishui:example:contact-overdue:v1", "visiting-residents", -3, 5, RulePeriod.Month);

        Assert.Equal(-2m, Assert.Single(PointsRulesEngine.Score([overdue], Event(overdue.EventType), _ => -3)).Points);
    }

    [Fact]
    public void Several_rules_for_the_same_event_each_score()
    {
        var alsoConduct = new PointsRule("punctual", Attendance, "daily-conduct", 0.5m, null, RulePeriod.Year);

        var awards = PointsRulesEngine.Score([AttendanceRule, alsoConduct], Event(), _ => 0);

        Assert.Equal(["organisational-life", "daily-conduct"], awards.Select(a => a.Dimension));
    }

    [Fact]
    public void A_monthly_period_runs_from_the_first_to_the_last_day_of_the_month()
    {
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)), PointsRulesEngine.PeriodOf(RulePeriod.Month, new DateOnly(2026, 2, 14)));
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)), PointsRulesEngine.PeriodOf(RulePeriod.Year, new DateOnly(2026, 2, 14)));
    }
}
