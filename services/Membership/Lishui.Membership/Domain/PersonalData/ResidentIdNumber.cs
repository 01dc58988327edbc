namespace Lishui.Membership.Domain.PersonalData;

/// <summary>
/// The 18-character resident identity card number (GB 11643): a 6-digit region code, the birth date
/// (yyyyMMdd), a 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// </summary>
public static class ResidentIdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Trimmed, with a lower-case check character raised, so one person has one normalised form.</summary>
    public static string Normalise(string value) => value.Trim().ToUpperInvariant();

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Null when the (normalised) number is valid, otherwise what is wrong with it.</summary>
    public static IdNumberProblem? Problem(string normalised)
    {
        if (normalised.Length != Length)
        {
            return IdNumberProblem.Length;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(normalised[i]))
            {
                return IdNumberProblem.Characters;
            }
        }

        if (!char.IsAsciiDigit(normalised[17]) && normalised[17] != 'X')
        {
            return IdNumberProblem.Characters;
        }

        // Region codes start with 1-8 (province level: 11 Beijing … 82 Macao).
        if (normalised[0] is < '1' or > '8')
        {
            return IdNumberProblem.Region;
        }

        if (BirthDateOf(normalised) is null)
        {
            return IdNumberProblem.BirthDate;
        }

        return CheckCharacter(normalised.AsSpan(0, 17)) == normalised[17] ? null : IdNumberProblem.CheckDigit;
    }

    public static DateOnly? BirthDateOf(string normalised) =>
        normalised.Length == Length
        && DateOnly.TryParseExact(normalised.AsSpan(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date)
        && date.Year >= 1900
            ? date
            : null;

    /// <summary>440605********1234: the region and the last four stay, the birth date is hidden.</summary>
    public static string Mask(string normalised) =>
        normalised.Length == Length ? string.Concat(normalised.AsSpan(0, 6), "********", normalised.AsSpan(14, 4)) : new string('*', normalised.Length);
}

public enum IdNumberProblem
{
    Length,
    Characters,
    Region,
    BirthDate,
    CheckDigit,
}
