using Lishui.Assessment.Domain;
using Lishui.Shared.Domain;

namespace Lishui.Assessment.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class SchemeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static SchemeContent Hefeng(GradeThresholds? thresholds = null, decimal? cap = null, IReadOnlyList<PointsRule>? rules = null) =>
        new(100, SchemeTemplates.HefengMemberDimensions, thresholds ?? GradeThresholds.Default, cap, rules ?? []);

    private static Scheme NewScheme(SchemeContent? content = null) =>
        Scheme.Create(Guid.NewGuid(), Guid.NewGuid(), 2026, SubjectType.Member, content ?? Hefeng(), Now);

    private static string BrokenRule(Action act) => Assert.Throws<BusinessRuleViolation>(act).Rule.Code;

    [Theory]
    [InlineData(100, Grade.Excellent)]
    [InlineData(90, Grade.Excellent)]
    [InlineData(89.99, Grade.Qualified)]
    [InlineData(70, Grade.Qualified)]
    [InlineData(69.5, Grade.BasicallyQualified)]
    [InlineData(60, Grade.BasicallyQualified)]
    [InlineData(59.99, Grade.Unqualified)]
    [InlineData(0, Grade.Unqualified)]
    public void Default_grades_are_excellent_from_90_qualified_from_70_basically_qualified_from_60(decimal total, Grade expected) =>
        Assert.Equal(expected, GradeThresholds.Default.Classify(total));

    [Fact]
    public void The_Hefeng_member_scheme_has_five_dimensions_summing_to_100() =>
        Assert.Equal(100, NewScheme().Dimensions.Sum(d => d.Max));

    [Fact]
    public void Two_dimensions_with_the_same_code_are_refused() =>
        Assert.Equal("scheme.dimensions-invalid", BrokenRule(() => NewScheme(new SchemeContent(40,
            [new Dimension("daily-conduct", "日常行为规范", 20), new Dimension("daily-conduct", "重复", 20)], new GradeThresholds(36, 28, 24), null, []))));

    [Fact]
    public void A_rule_on_a_dimension_outside_the_scheme_is_refused() =>
        Assert.Equal("scheme.rules-invalid", BrokenRule(() => NewScheme(Hefeng(rules:
            [new PointsRule("attendance", "lishui:pairing:study-attended:v1", "attendance", 1, 12, RulePeriod.Year)]))));

    [Fact]
    public void An_excellent_share_cap_above_one_is_refused() =>
        Assert.Equal("scheme.excellent-share-cap-invalid", BrokenRule(() => NewScheme(Hefeng(cap: 1.5m))));

    [Fact]
    public void Households_are_scored_for_five_good_households_and_cooperatives_for_safety_or_environment()
    {
        Assert.Equal(SchemeTopic.FiveGoodHousehold, Scheme.Create(Guid.NewGuid(), Guid.NewGuid(), 2026, SubjectType.Household, Hefeng(), Now).Topic);
        Assert.Equal(SchemeTopic.SafetyProduction,
            Scheme.Create(Guid.NewGuid(), Guid.NewGuid(), 2026, SubjectType.EconomicCooperative, Hefeng(), Now, SchemeTopic.SafetyProduction).Topic);
        Assert.Equal("scheme.topic-invalid",
            BrokenRule(() => Scheme.Create(Guid.NewGuid(), Guid.NewGuid(), 2026, SubjectType.Village, Hefeng(), Now)));
        Assert.Equal("scheme.topic-invalid",
            BrokenRule(() => Scheme.Create(Guid.NewGuid(), Guid.NewGuid(), 2026, SubjectType.Household, Hefeng(), Now, SchemeTopic.MemberPoints)));
    }

    [Fact]
    public void Before_its_year_starts_a_scheme_may_change_without_a_reason()
    {
        var scheme = Scheme.Create(Guid.NewGuid(), Guid.NewGuid(), 2027, SubjectType.Member, Hefeng(), Now);

        scheme.Revise(Hefeng(new GradeThresholds(95, 75, 60)), null, null, new DateOnly(2026, 12, 1));

        Assert.Equal((2, 95m), (scheme.Revision, scheme.Thresholds.Excellent));
    }

    [Fact]
    public void An_effective_date_outside_the_year_is_refused_once_it_has_started() =>
        Assert.Equal("scheme.revision-needs-reason",
            BrokenRule(() => NewScheme().Revise(Hefeng(), "调整", new DateOnly(2027, 1, 1), new DateOnly(2026, 6, 1))));

    [Fact]
    public void A_closed_year_takes_no_entries_and_no_revisions()
    {
        var scheme = NewScheme();
        scheme.Close(Now);

        Assert.Equal("scheme.closed", BrokenRule(() => LedgerEntry.Manual(Guid.NewGuid(), scheme, Guid.NewGuid(), "daily-conduct", 5, "表现良好", "书记", null, Now)));
        Assert.Equal("scheme.closed", BrokenRule(() => scheme.Revise(Hefeng(), "调整", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1))));
        Assert.Equal("scheme.closed", BrokenRule(() => scheme.Close(Now)));
    }

    [Fact]
    public void Every_ledger_entry_takes_the_next_sequence_of_its_scheme()
    {
        var scheme = NewScheme();
        var first = LedgerEntry.Manual(Guid.NewGuid(), scheme, Guid.NewGuid(), "daily-conduct", 5, "表现良好", "书记", null, Now);
        var reversal = first.Reverse(Guid.NewGuid(), scheme, false, "误记", "书记", Now);

        Assert.Equal((1L, 2L), (first.Sequence, reversal.Sequence));
        Assert.Equal(-5m, reversal.Points);
        Assert.Equal("ledger.already-reversed", BrokenRule(() => reversal.Reverse(Guid.NewGuid(), scheme, false, "再冲正", "书记", Now)));
    }

    [Fact]
    public void A_manual_entry_is_dated_on_the_towns_day_not_the_utc_one()
    {
        var scheme = NewScheme();
        var sevenInTheMorningInLishui = new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);

        var entry = LedgerEntry.Manual(Guid.NewGuid(), scheme, Guid.NewGuid(), "volunteer-service", 2, "志愿服务4小时", "书记", null, sevenInTheMorningInLishui);

        Assert.Equal(new DateOnly(2026, 3, 3), entry.OccurredOn);
    }

    [Theory]
    [InlineData(null, 10, 10)] // no cap: all ten may be Excellent
    [InlineData(0.2, 10, 2)]
    [InlineData(0.15, 10, 1)] // rounded down
    public void The_excellent_cap_allows_a_share_of_the_subjects_rounded_down(double? cap, int subjects, int slots) =>
        Assert.Equal(slots, ExcellentShare.Slots((decimal?)cap, subjects));
}
