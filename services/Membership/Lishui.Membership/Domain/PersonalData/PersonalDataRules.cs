using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.PersonalData;

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
