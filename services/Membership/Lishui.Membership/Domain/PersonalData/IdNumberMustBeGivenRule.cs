using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.PersonalData;

public sealed record IdNumberMustBeGivenRule(string? IdNumber) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(IdNumber);

    public string Code => "member.id-number-required";

    public string Field => PersonalDetails.IdNumberField;

    public string MessageZh => "身份证号不能为空。";

    public string MessageEn => "The ID card number is required.";
}
