using System.Globalization;
using Lishui.Membership.Domain.PersonalData;

namespace Lishui.Membership.Tests;

/// <summary>Synthetic resident ID numbers with a valid check digit, each one different within a test run.</summary>
public static class TestIdNumbers
{
    private static int next = Random.Shared.Next(0, 100_000);

    /// <summary>A new valid ID number for someone born on <paramref name="birthDate"/> (yyyy-MM-dd).</summary>
    public static string For(string birthDate, string region = "440605") => For(DateOnly.ParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture), region);

    public static string For(DateOnly birthDate, string region = "440605")
    {
        var n = Interlocked.Increment(ref next);
        // Region plus sequence make the number unique: vary the region's last digits once 1000 sequences are used.
        var regionCode = region == "440605" && n >= 1000 ? (110000 + (n / 1000 % 90000)).ToString(CultureInfo.InvariantCulture) : region;
        var first17 = $"{regionCode}{birthDate:yyyyMMdd}{n % 1000:D3}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }
}
