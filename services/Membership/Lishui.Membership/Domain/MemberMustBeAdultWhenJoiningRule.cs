using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

/// <summary>The Party Constitution admits people aged eighteen or over.</summary>
public sealed record MemberMustBeAdultWhenJoiningRule(DateOnly BirthDate, DateOnly JoinedOn) : IBusinessRule
{
    public const int MinimumAge = 18;

    public bool IsBroken() => JoinedOn < BirthDate.AddYears(MinimumAge);

    public string Code => "member.too-young";

    public string Field => "joinedOn";

    public string MessageZh => $"入党时须年满 {MinimumAge} 周岁。";

    public string MessageEn => $"A member must be at least {MinimumAge} when joining.";
}
