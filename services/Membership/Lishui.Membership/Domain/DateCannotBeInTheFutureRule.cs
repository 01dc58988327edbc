using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain;

public sealed record DateCannotBeInTheFutureRule(string FieldName, string LabelZh, string LabelEn, DateOnly Date, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => Date > Today;

    public string Code => "date.in-future";

    public string Field => FieldName;

    public string MessageZh => $"{LabelZh}不能晚于今天。";

    public string MessageEn => $"The {LabelEn} cannot be in the future.";
}
