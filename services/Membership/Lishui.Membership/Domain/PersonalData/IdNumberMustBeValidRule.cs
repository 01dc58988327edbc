using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.PersonalData;

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
