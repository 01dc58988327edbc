using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record TextMustBeGivenRule(string FieldName, string LabelZh, string LabelEn, string? Text, int MaxLength) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > MaxLength;

    public string Code => "field.text-invalid";

    public string Field => FieldName;

    public string MessageZh => $"{LabelZh}不能为空，且不超过 {MaxLength} 个字符。";

    public string MessageEn => $"The {LabelEn} must be given and at most {MaxLength} characters.";
}
