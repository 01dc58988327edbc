using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record MemberNameMustBeGivenRule(string Name) : IBusinessRule
{
    public const int MaxLength = 50;

    public bool IsBroken() => string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxLength;

    public string Code => "member.name-invalid";

    public string Field => "name";

    public string MessageZh => $"姓名不能为空，且不超过 {MaxLength} 个字符。";

    public string MessageEn => $"The name must be given and at most {MaxLength} characters.";
}

public sealed record DateCannotBeInTheFutureRule(string FieldName, string LabelZh, string LabelEn, DateOnly Date, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => Date > Today;

    public string Code => "date.in-future";

    public string Field => FieldName;

    public string MessageZh => $"{LabelZh}不能晚于今天。";

    public string MessageEn => $"The {LabelEn} cannot be in the future.";
}

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

public sealed record FullMembershipCannotPrecedeJoiningRule(DateOnly JoinedOn, DateOnly FullMemberOn) : IBusinessRule
{
    public bool IsBroken() => FullMemberOn < JoinedOn;

    public string Code => "member.full-before-joining";

    public string Field => "fullMemberOn";

    public string MessageZh => "转正日期不能早于入党日期。";

    public string MessageEn => "Full membership cannot start before joining.";
}
