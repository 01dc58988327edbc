using Lishui.Contracts.Membership;
using Lishui.Membership.Domain;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class MemberRegistrationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Hefeng = Guid.Parse("0193a1c0-0000-7000-8000-000000000001");

    private static Member Register(string name = " 张三 ", DateOnly? birth = null, DateOnly? joined = null, DateOnly? full = null) =>
        Member.Register(new MemberId(Guid.CreateVersion7()), name, Gender.Male, birth ?? new DateOnly(1980, 5, 1),
            joined ?? new DateOnly(2005, 7, 1), full, Hefeng, Now);

    [Fact]
    public void A_new_member_without_a_full_membership_date_is_probationary_at_version_one()
    {
        var member = Register();

        Assert.Equal(MemberStatus.Probationary, member.Status);
        Assert.Equal("张三", member.Name);
        Assert.Equal(1, member.Version);
    }

    [Fact]
    public void A_member_with_a_full_membership_date_is_a_full_member()
    {
        Assert.Equal(MemberStatus.Full, Register(full: new DateOnly(2006, 7, 1)).Status);
    }

    [Fact]
    public void Nobody_joins_the_party_before_turning_eighteen()
    {
        var violation = Assert.Throws<BusinessRuleViolation>(() => Register(birth: new DateOnly(2000, 1, 1), joined: new DateOnly(2017, 12, 31)));

        Assert.Equal("member.too-young", violation.Rule.Code);
        Assert.Equal("joinedOn", violation.Rule.Field);
    }

    [Fact]
    public void Joining_on_the_eighteenth_birthday_is_allowed()
    {
        Assert.Equal(MemberStatus.Probationary, Register(birth: new DateOnly(2000, 1, 1), joined: new DateOnly(2018, 1, 1)).Status);
    }

    [Fact]
    public void Full_membership_cannot_start_before_joining()
    {
        var violation = Assert.Throws<BusinessRuleViolation>(() => Register(joined: new DateOnly(2005, 7, 1), full: new DateOnly(2005, 6, 30)));

        Assert.Equal("member.full-before-joining", violation.Rule.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")]
    public void A_member_needs_a_name_of_at_most_fifty_characters(string name)
    {
        Assert.Equal("member.name-invalid", Assert.Throws<BusinessRuleViolation>(() => Register(name: name)).Rule.Code);
    }

    [Fact]
    public void Dates_in_the_future_are_refused()
    {
        Assert.Equal("date.in-future", Assert.Throws<BusinessRuleViolation>(() => Register(joined: new DateOnly(2027, 1, 1))).Rule.Code);
    }
}
