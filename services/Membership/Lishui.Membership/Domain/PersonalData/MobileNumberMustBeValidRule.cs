using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.PersonalData;

public sealed record MobileNumberMustBeValidRule(string? Phone) : IBusinessRule
{
    public bool IsBroken() => Phone is not null && !MobileNumber.IsValid(Phone);

    public string Code => "member.phone-invalid";

    public string Field => PersonalDetails.PhoneField;

    public string MessageZh => "手机号码应为 11 位中国大陆手机号（1 开头，第二位为 3-9）。";

    public string MessageEn => "The phone must be an 11-digit mainland mobile number (1, then 3-9, then nine digits).";
}
