using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public sealed record PairingMustEndAfterItStartsRule(DateOnly StartsOn, DateOnly? EndsOn, string FieldName) : IBusinessRule
{
    public bool IsBroken() => EndsOn is { } end && end < StartsOn;

    public string Code => "pairing.ends-before-start";

    public string Field => FieldName;

    public string MessageZh => "结束日期不能早于开始日期。";

    public string MessageEn => "The end date cannot be before the start date.";
}
