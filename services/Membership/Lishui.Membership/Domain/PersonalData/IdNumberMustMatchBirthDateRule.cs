using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.PersonalData;

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
