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
