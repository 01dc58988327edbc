using Lishui.Assessment.Domain;
using Lishui.Contracts;
using Lishui.Contracts.Assessment;
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

    private static Guid MemberOf(IntegrationEvent e) => e switch
    {
        MemberCommended c => c.MemberId,
        OrganisationalTalkRequired t => t.MemberId,
        MemberUnqualifiedConsecutively u => u.MemberId,
        _ => Guid.Empty,
    };

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

        Assert.Equal("scheme.closed", BrokenRule(() => scheme.EnterPoints(Guid.NewGuid(), Guid.NewGuid(), "daily-conduct", 5, "表现良好", "书记", null, Now)));
        Assert.Equal("scheme.closed", BrokenRule(() => scheme.Revise(Hefeng(), "调整", new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1))));
        Assert.Equal("scheme.closed", BrokenRule(() => scheme.Close(Now)));
    }

    [Fact]
    public void Every_ledger_entry_takes_the_next_sequence_of_its_scheme()
    {
        var scheme = NewScheme();
        var first = scheme.EnterPoints(Guid.NewGuid(), Guid.NewGuid(), "daily-conduct", 5, "表现良好", "书记", null, Now);
        var reversal = scheme.Reverse(first, Guid.NewGuid(), false, "误记", "书记", Now);

        Assert.Equal((1L, 2L), (first.Sequence, reversal.Sequence));
        Assert.Equal(-5m, reversal.Points);
        Assert.Equal("ledger.already-reversed", BrokenRule(() => scheme.Reverse(reversal, Guid.NewGuid(), false, "再冲正", "书记", Now)));
    }

    [Fact]
    public void Every_ledger_entry_is_published_with_the_sequence_it_took()
    {
        var scheme = NewScheme();
        var first = scheme.EnterPoints(Guid.NewGuid(), Guid.NewGuid(), "daily-conduct", 5, "表现良好", "书记", null, Now);
        var reversal = scheme.Reverse(first, Guid.NewGuid(), false, "误记", "书记", Now);

        var awarded = Assert.IsType<PointsAwarded>(scheme.DomainEvents[0]);
        var reversed = Assert.IsType<PointsReversed>(scheme.DomainEvents[1]);
        Assert.Equal((first.Id, 5m, "Manual", 1L, scheme.Id), (awarded.EntryId, awarded.Points, awarded.Source, awarded.Sequence, awarded.AggregateId));
        Assert.Equal((reversal.Id, first.Id, -5m, 2L), (reversed.EntryId, reversed.ReversedEntryId, reversed.Points, reversed.Sequence));
    }

    [Fact]
    public void A_refused_entry_is_not_published()
    {
        var scheme = NewScheme();

        BrokenRule(() => scheme.EnterPoints(Guid.NewGuid(), Guid.NewGuid(), "daily-conduct", 0, "表现良好", "书记", null, Now));

        Assert.Empty(scheme.DomainEvents);
    }

    [Fact]
    public void Closing_a_year_publishes_its_notice_once_with_the_sequence_of_the_close()
    {
        var scheme = NewScheme();
        scheme.EnterPoints(Guid.NewGuid(), Guid.NewGuid(), "daily-conduct", 5, "表现良好", "书记", null, Now);
        scheme.Close(Now);

        var notice = scheme.PublishNotice(Guid.NewGuid(), 86, 5, WorkingDayCalendar.Official(), Now);

        var published = Assert.IsType<AssessmentNoticePublished>(scheme.DomainEvents[^1]);
        Assert.Equal((notice.Id, 86, 2L, 2L), (published.NoticeId, published.SubjectCount, published.Sequence, scheme.Version));
        Assert.Throws<InvalidOperationException>(() => NewScheme().PublishNotice(Guid.NewGuid(), 1, 5, WorkingDayCalendar.Official(), Now));
    }

    [Fact]
    public void A_final_result_commends_excellent_members_and_calls_the_unqualified_to_a_talk()
    {
        var scheme = NewScheme();
        scheme.Close(Now);
        var notice = scheme.PublishNotice(Guid.NewGuid(), 3, 5, WorkingDayCalendar.Official(), Now);
        scheme.ClearDomainEvents();
        Guid excellent = Guid.NewGuid(), qualified = Guid.NewGuid(), unqualifiedTwice = Guid.NewGuid();

        scheme.RecordConsequences(notice, excellent, Grade.Excellent, Grade.Unqualified, Now);
        scheme.RecordConsequences(notice, qualified, Grade.Qualified, Grade.Unqualified, Now);
        scheme.RecordConsequences(notice, unqualifiedTwice, Grade.Unqualified, Grade.Unqualified, Now);

        Assert.Equal(
            [(nameof(MemberCommended), excellent, 2L), (nameof(OrganisationalTalkRequired), unqualifiedTwice, 3L), (nameof(MemberUnqualifiedConsecutively), unqualifiedTwice, 4L)],
            scheme.DomainEvents.Select(e => (e.GetType().Name, MemberOf(e), e.Sequence)));
        Assert.Equal(new DateOnly(2026, 4, 1), scheme.DomainEvents.OfType<OrganisationalTalkRequired>().Single().DueOn);
        Assert.Equal("scheme.not-closed", BrokenRule(() => NewScheme().RecordConsequences(notice, excellent, Grade.Excellent, null, Now)));
    }

    [Fact]
    public void Filing_an_objection_publishes_it_in_the_notices_own_sequence()
    {
        var scheme = NewScheme();
        scheme.Close(Now);
        var notice = scheme.PublishNotice(Guid.NewGuid(), 3, 5, WorkingDayCalendar.Official(), Now);
        var member = Guid.NewGuid();

        var first = notice.FileObjection(Guid.NewGuid(), " 张三 ", "积分有误", null, null, member, WorkingDayCalendar.Official(), TownCalendar.DateOf(Now), Now);
        notice.FileObjection(Guid.NewGuid(), null, "名单不全", null, null, null, WorkingDayCalendar.Official(), TownCalendar.DateOf(Now), Now);

        var filed = notice.DomainEvents.Cast<ObjectionFiled>().ToList();
        Assert.Equal(new (Guid, Guid?, long)[] { (first.Id, member, 1L), (filed[1].ObjectionId, null, 2L) }, filed.Select(e => (e.ObjectionId, e.MemberId, e.Sequence)));
        Assert.Equal((notice.Id, "张三"), (filed[0].AggregateId, first.Concerning));
    }

    [Fact]
    public void A_manual_entry_is_dated_on_the_towns_day_not_the_utc_one()
    {
        var scheme = NewScheme();
        var sevenInTheMorningInLishui = new DateTimeOffset(2026, 3, 2, 23, 0, 0, TimeSpan.Zero);

        var entry = scheme.EnterPoints(Guid.NewGuid(), Guid.NewGuid(), "volunteer-service", 2, "志愿服务4小时", "书记", null, sevenInTheMorningInLishui);

        Assert.Equal(new DateOnly(2026, 3, 3), entry.OccurredOn);
    }

    [Theory]
    [InlineData(null, 10, 10)] // no cap: all ten may be Excellent
    [InlineData(0.2, 10, 2)]
    [InlineData(0.15, 10, 1)] // rounded down
    public void The_excellent_cap_allows_a_share_of_the_subjects_rounded_down(double? cap, int subjects, int slots) =>
        Assert.Equal(slots, ExcellentShare.Slots((decimal?)cap, subjects));
}
