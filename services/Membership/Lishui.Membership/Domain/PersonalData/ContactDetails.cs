using System.Text.RegularExpressions;

namespace Lishui.Membership.Domain.PersonalData;

/// <summary>A mainland mobile number: 1, then 3-9, then nine digits (138 0013 8000).</summary>
public static partial class MobileNumber
{
    /// <summary>Spaces and dashes a person types are dropped, and a leading +86 / 86 country code.</summary>
    public static string Normalise(string value)
    {
        var digits = value.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.StartsWith("+86", StringComparison.Ordinal))
        {
            digits = digits[3..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return digits;
    }

    public static bool IsValid(string normalised) => Pattern().IsMatch(normalised);

    /// <summary>138****8000.</summary>
    public static string Mask(string normalised) =>
        normalised.Length == 11 ? string.Concat(normalised.AsSpan(0, 3), "****", normalised.AsSpan(7, 4)) : new string('*', normalised.Length);

    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    private static partial Regex Pattern();
}

public static partial class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>Trimmed, and the domain lower-cased (the local part is the mail server's business).</summary>
    public static string Normalise(string value)
    {
        var trimmed = value.Trim();
        var at = trimmed.LastIndexOf('@');
        return at < 0 ? trimmed : trimmed[..at] + "@" + trimmed[(at + 1)..].ToLowerInvariant();
    }

    public static bool IsValid(string normalised) => normalised.Length <= MaxLength && Pattern().IsMatch(normalised);

    /// <summary>z***@example.cn: the first character of the local part and the domain stay.</summary>
    public static string Mask(string normalised)
    {
        var at = normalised.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(normalised.AsSpan(0, 1), "***", normalised.AsSpan(at));
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Pattern();
}
