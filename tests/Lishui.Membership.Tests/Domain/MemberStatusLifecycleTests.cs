using Lishui.Contracts.Membership;
using Lishui.Membership.Domain;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class MemberStatusLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Hefeng = Guid.Parse("0193a1c0-0000-7000-8000-000000000001");

    private static Member Probationary() =>
        Member.Register(new MemberId(Guid.CreateVersion7()), "陈小红", Gender.Female, new DateOnly(1998, 3, 1), new DateOnly(2025, 7, 1), null, Hefeng, Now);

    private static Member Full() =>
        Member.Register(new MemberId(Guid.CreateVersion7()), "张建国", Gender.Male, new DateOnly(1958, 3, 12), new DateOnly(1982, 7, 1), new DateOnly(1983, 7, 1), Hefeng, Now);

    private static MemberStatusChange Change(Member m, MemberStatus to, DateOnly? on = null) =>
        m.ChangeStatus(to, on ?? new DateOnly(2026, 7, 1), "支部大会决议", "鹤峰村党委", [], Now);

    [Fact]
    public void A_probationary_member_becomes_full_and_the_full_membership_date_is_the_effective_date()
    {
        var member = Probationary();

        var change = Change(member, MemberStatus.Full);

        Assert.Equal(MemberStatus.Full, member.Status);
        Assert.Equal(new DateOnly(2026, 7, 1), member.FullMemberOn);
        Assert.Equal(2, member.Version);
        Assert.Equal((MemberStatus.Probationary, MemberStatus.Full), (change.From, change.To));
        Assert.Equal("鹤峰村党委", change.DecidedBy);
    }

    [Fact]
    public void Advice_to_withdraw_ends_in_withdrawal_and_the_member_leaves_the_roll()
    {
        var member = Full();

        Change(member, MemberStatus.WithdrawalAdvised, new DateOnly(2026, 3, 1));
        Assert.True(member.IsOnRoll);
        Change(member, MemberStatus.Withdrawn, new DateOnly(2026, 4, 1));

        Assert.Equal(MemberStatus.Withdrawn, member.Status);
        Assert.False(member.IsOnRoll);
        Assert.Equal(3, member.Version);
    }

    [Theory]
    [InlineData(MemberStatus.Probationary, MemberStatus.WithdrawalAdvised)]
    [InlineData(MemberStatus.Probationary, MemberStatus.Withdrawn)]
    [InlineData(MemberStatus.Full, MemberStatus.Probationary)]
    [InlineData(MemberStatus.Full, MemberStatus.Withdrawn)]
    [InlineData(MemberStatus.Full, MemberStatus.Full)]
    public void An_illegal_transition_is_refused_and_changes_nothing(MemberStatus from, MemberStatus to)
    {
        var member = from == MemberStatus.Full ? Full() : Probationary();

        var violation = Assert.Throws<BusinessRuleViolation>(() => Change(member, to));

        Assert.Equal("member.status-transition-illegal", violation.Rule.Code);
        Assert.Equal("status", violation.Rule.Field);
        Assert.Equal(from, member.Status);
        Assert.Equal(1, member.Version);
    }

    [Theory]
    [InlineData(MemberStatus.TransferredOut)]
    [InlineData(MemberStatus.RemovedFromRoll)]
    [InlineData(MemberStatus.Deceased)]
    public void Leaving_the_roll_is_final(MemberStatus left)
    {
        var member = Full();
        Change(member, left);

        var violation = Assert.Throws<BusinessRuleViolation>(() => Change(member, MemberStatus.Full, new DateOnly(2026, 8, 1)));

        Assert.Contains("final", violation.Rule.MessageEn);
    }

    [Fact]
    public void A_change_cannot_take_effect_before_the_current_status_or_in_the_future()
    {
        var member = Probationary();

        Assert.Equal("member.change-before-current-status",
            Assert.Throws<BusinessRuleViolation>(() => Change(member, MemberStatus.Full, new DateOnly(2025, 6, 30))).Rule.Code);
        Assert.Equal("date.in-future",
            Assert.Throws<BusinessRuleViolation>(() => Change(member, MemberStatus.Full, new DateOnly(2026, 11, 25))).Rule.Code);
    }

    /// <summary>"Today" is Lishui's date: at 07:30 there (23:30 UTC the evening before) a decision taken that morning is not in the future.</summary>
    [Fact]
    public void A_change_effective_on_the_towns_today_is_accepted_before_eight_in_the_morning_when_the_utc_date_is_still_yesterday()
    {
        var member = Probationary();
        var halfPastSevenInLishui = new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero);

        var change = member.ChangeStatus(MemberStatus.Full, new DateOnly(2026, 11, 25), "支部大会决议", "鹤峰村党委", [], halfPastSevenInLishui);

        Assert.Equal(new DateOnly(2026, 11, 25), change.EffectiveOn);
        Assert.Equal("date.in-future",
            Assert.Throws<BusinessRuleViolation>(() => Full().ChangeStatus(MemberStatus.Deceased, new DateOnly(2026, 11, 26), "病故", "鹤峰村党委", [], halfPastSevenInLishui)).Rule.Code);
    }

    [Fact]
    public void Every_change_names_a_reason_and_who_decided()
    {
        var member = Full();

        var violation = Assert.Throws<BusinessRuleViolation>(() =>
            member.ChangeStatus(MemberStatus.Deceased, new DateOnly(2026, 1, 1), "病故", " ", [], Now));

        Assert.Equal("decidedBy", violation.Rule.Field);
    }
}
