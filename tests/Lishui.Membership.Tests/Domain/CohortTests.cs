using Lishui.Contracts.Membership;
using Lishui.Membership.Domain;

namespace Lishui.Membership.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class CohortTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static Member Member(DateOnly birth, DateOnly joined, DateOnly? full) =>
        Lishui.Membership.Domain.Member.Register(new MemberId(Guid.CreateVersion7()), "测试", Gender.Male, birth, joined, full, Guid.CreateVersion7(), Now);

    [Fact]
    public void A_member_who_joined_within_three_years_is_a_new_star()
    {
        var options = new CohortOptions();

        Assert.Equal([Cohort.NewStar], options.Of(Member(new DateOnly(1998, 1, 1), new DateOnly(2023, 11, 24), null), Today));
        Assert.Empty(options.Of(Member(new DateOnly(1998, 1, 1), new DateOnly(2023, 11, 23), new DateOnly(2024, 11, 23)), Today));
    }

    [Fact]
    public void Sixty_years_of_age_or_thirty_years_of_standing_make_a_silver_star()
    {
        var options = new CohortOptions();

        Assert.Equal([Cohort.SilverStar], options.Of(Member(new DateOnly(1966, 11, 24), new DateOnly(2000, 7, 1), new DateOnly(2001, 7, 1)), Today));
        Assert.Equal([Cohort.SilverStar], options.Of(Member(new DateOnly(1970, 1, 1), new DateOnly(1995, 7, 1), new DateOnly(1996, 11, 24)), Today));
        Assert.Empty(options.Of(Member(new DateOnly(1970, 1, 1), new DateOnly(1995, 7, 1), new DateOnly(1996, 11, 25)), Today));
    }

    [Fact]
    public void The_thresholds_are_configurable()
    {
        var options = new CohortOptions { NewStarYears = 5, SilverStarAge = 55, SilverStarStandingYears = 40 };

        Assert.Equal([Cohort.NewStar, Cohort.SilverStar], options.Of(Member(new DateOnly(1970, 1, 1), new DateOnly(2022, 7, 1), null), Today));
    }

    [Fact]
    public void A_member_who_left_the_roll_is_in_no_programme()
    {
        var member = Member(new DateOnly(1950, 1, 1), new DateOnly(2025, 7, 1), null);
        member.ChangeStatus(MemberStatus.Deceased, new DateOnly(2026, 1, 1), "病故", "村党委", [], Now);

        Assert.Empty(new CohortOptions().Of(member, Today));
    }
}
