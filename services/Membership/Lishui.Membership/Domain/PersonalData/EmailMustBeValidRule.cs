using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.PersonalData;

public sealed record EmailMustBeValidRule(string? Email) : IBusinessRule
{
    public bool IsBroken() => Email is not null && !EmailAddress.IsValid(Email);

    public string Code => "member.email-invalid";

    public string Field => PersonalDetails.EmailField;

    public string MessageZh => "电子邮箱格式不正确。";

    public string MessageEn => "The e-mail address is not valid.";
}
