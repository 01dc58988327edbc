namespace Lishui.Membership.Domain.PersonalData;

/// <summary>
/// Seals personal data for storage and opens it again; the keyed hash finds a value without
/// decrypting anything. The implementation (and its keys) lives outside the domain.
/// </summary>
public interface IPersonalDataProtector
{
    /// <summary>Encrypts <paramref name="value"/>, bound to its owner and field so a sealed value cannot be moved to another.</summary>
    byte[] Seal(string value, Guid owner, string field);

    string Open(byte[] sealedValue, Guid owner, string field);

    /// <summary>A keyed hash of a normalised value: equal values hash equal, and nobody without the key can test a guess.</summary>
    byte[] Hash(string normalisedValue);
}

/// <summary>A member's personal data in the clear, normalised; only ever held in memory.</summary>
public sealed record PersonalDetails(string? IdNumber, string? Phone, string? Email)
{
    public const string IdNumberField = "idNumber";
    public const string PhoneField = "phone";
    public const string EmailField = "email";

    public static PersonalDetails Normalised(string? idNumber, string? phone, string? email) =>
        new(Blank(idNumber) ? null : ResidentIdNumber.Normalise(idNumber!),
            Blank(phone) ? null : MobileNumber.Normalise(phone!),
            Blank(email) ? null : EmailAddress.Normalise(email!));

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
