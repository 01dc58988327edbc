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

/// <summary>Checks a normalised resident ID number; the message says what is wrong, never the number itself.</summary>
public sealed record IdNumberMustBeValidRule(string? IdNumber) : IBusinessRule
{
    private IdNumberProblem? Problem => IdNumber is null ? null : ResidentIdNumber.Problem(IdNumber);

    public bool IsBroken() => Problem is not null;

    public string Code => "member.id-number-invalid";

    public string Field => PersonalDetails.IdNumberField;

    public string MessageZh => Problem switch
    {
        IdNumberProblem.Length => "身份证号应为 18 位。",
        IdNumberProblem.Characters => "身份证号前 17 位应为数字，最后一位为数字或 X。",
        IdNumberProblem.Region => "身份证号的地区码（前 6 位）无效。",
        IdNumberProblem.BirthDate => "身份证号中的出生日期（第 7-14 位）不是有效日期。",
        _ => "身份证号校验码不正确。",
    };

    public string MessageEn => Problem switch
    {
        IdNumberProblem.Length => "The ID card number must have 18 characters.",
        IdNumberProblem.Characters => "The ID card number must be 17 digits followed by a digit or X.",
        IdNumberProblem.Region => "The region code (first 6 digits) of the ID card number is invalid.",
        IdNumberProblem.BirthDate => "The birth date in the ID card number (digits 7-14) is not a valid date.",
        _ => "The check digit of the ID card number is wrong.",
    };
}

/// <summary>The birth date on the roll and the one in the ID number are the same person's.</summary>
public sealed record IdNumberMustMatchBirthDateRule(string? IdNumber, DateOnly BirthDate) : IBusinessRule
{
    public bool IsBroken() =>
        IdNumber is not null && ResidentIdNumber.Problem(IdNumber) is null && ResidentIdNumber.BirthDateOf(IdNumber) != BirthDate;

    public string Code => "member.id-number-birth-date-mismatch";

    public string Field => PersonalDetails.IdNumberField;

    public string MessageZh => $"身份证号中的出生日期与填写的出生日期（{BirthDate:yyyy-MM-dd}）不一致。";

    public string MessageEn => $"The birth date in the ID card number differs from the stated birth date ({BirthDate:yyyy-MM-dd}).";
}

public sealed record MobileNumberMustBeValidRule(string? Phone) : IBusinessRule
{
    public bool IsBroken() => Phone is not null && !MobileNumber.IsValid(Phone);

    public string Code => "member.phone-invalid";

    public string Field => PersonalDetails.PhoneField;

    public string MessageZh => "手机号码应为 11 位中国大陆手机号（1 开头，第二位为 3-9）。";

    public string MessageEn => "The phone must be an 11-digit mainland mobile number (1, then 3-9, then nine digits).";
}

public sealed record EmailMustBeValidRule(string? Email) : IBusinessRule
{
    public bool IsBroken() => Email is not null && !EmailAddress.IsValid(Email);

    public string Code => "member.email-invalid";

    public string Field => PersonalDetails.EmailField;

    public string MessageZh => "电子邮箱格式不正确。";

    public string MessageEn => "The e-mail address is not valid.";
}

public static class PersonalDataRules
{
    /// <summary>Every rule for a member's personal data; an ID number is required unless <paramref name="idNumberRequired"/> is false.</summary>
    public static IEnumerable<IBusinessRule> For(PersonalDetails details, DateOnly birthDate, bool idNumberRequired = true)
    {
        if (idNumberRequired)
        {
            yield return new IdNumberMustBeGivenRule(details.IdNumber);
        }

        yield return new IdNumberMustBeValidRule(details.IdNumber);
        yield return new IdNumberMustMatchBirthDateRule(details.IdNumber, birthDate);
        yield return new MobileNumberMustBeValidRule(details.Phone);
        yield return new EmailMustBeValidRule(details.Email);
    }
}
