using System.Security.Cryptography;
using System.Text;
using Lishui.Membership.Domain.PersonalData;

namespace Lishui.Membership.Protection;

/// <summary>The two keys personal data is protected with, read once from configuration (the secret store).</summary>
public sealed class PersonalDataKeys
{
    public const string Section = "PersonalData";
    public const string EncryptionKeyName = "PersonalData:EncryptionKey";
    public const string HashKeyName = "PersonalData:HashKey";
    public const int KeyLength = 32;

    private PersonalDataKeys(byte[] encryptionKey, byte[] hashKey)
    {
        EncryptionKey = encryptionKey;
        HashKey = hashKey;
    }

    public byte[] EncryptionKey { get; }

    public byte[] HashKey { get; }

    /// <summary>
    /// Refuses to start without both keys, in every environment: a service that stored personal data
    /// under a made-up key could never read it back.
    /// </summary>
    public static PersonalDataKeys From(IConfiguration configuration)
    {
        // Read with literal keys, so tooling that lists the settings a service needs finds them.
        var encryption = Parse(EncryptionKeyName, configuration["PersonalData:EncryptionKey"]);
        var hash = Parse(HashKeyName, configuration["PersonalData:HashKey"]);
        if (CryptographicOperations.FixedTimeEquals(encryption, hash))
        {
            throw new InvalidOperationException($"{EncryptionKeyName} and {HashKeyName} must be two different keys.");
        }

        return new PersonalDataKeys(encryption, hash);
    }

    private static byte[] Parse(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{name} is not configured. Membership encrypts ID card and phone numbers and will not start without it: " +
                $"set it (environment variable {name.Replace(":", "__", StringComparison.Ordinal)}) from the secret store to a base64-encoded {KeyLength}-byte random key, e.g. `openssl rand -base64 32`.");
        }

        byte[] key;
        try
        {
            key = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{name} is not valid base64; it must be a base64-encoded {KeyLength}-byte key.");
        }

        return key.Length == KeyLength
            ? key
            : throw new InvalidOperationException($"{name} decodes to {key.Length} bytes; it must be exactly {KeyLength} bytes (256 bits).");
    }
}

/// <summary>
/// AES-256-GCM with a fresh random nonce per value; stored as version (1 byte) | nonce (12) | tag (16) |
/// ciphertext. The owner's id and the field name are the associated data, so a sealed value copied to
/// another member or column fails to open. Lookup hashes are HMAC-SHA256 under a second key.
/// </summary>
public sealed class PersonalDataProtector(PersonalDataKeys keys) : IPersonalDataProtector
{
    private const byte FormatVersion = 1;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int HeaderLength = 1 + NonceLength + TagLength;

    public byte[] Seal(string value, Guid owner, string field) => Seal(Encoding.UTF8.GetBytes(value), owner, field);

    public byte[] Seal(byte[] plaintext, Guid owner, string field)
    {
        var result = new byte[HeaderLength + plaintext.Length];
        result[0] = FormatVersion;
        var nonce = result.AsSpan(1, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.EncryptionKey, TagLength);
        aes.Encrypt(nonce, plaintext, result.AsSpan(HeaderLength), result.AsSpan(1 + NonceLength, TagLength), AssociatedData(owner, field));
        return result;
    }

    public string Open(byte[] sealedValue, Guid owner, string field) => Encoding.UTF8.GetString(OpenBytes(sealedValue, owner, field));

    public byte[] OpenBytes(byte[] sealedValue, Guid owner, string field)
    {
        if (sealedValue.Length < HeaderLength || sealedValue[0] != FormatVersion)
        {
            throw new CryptographicException($"Sealed {field} of {owner} has an unknown format.");
        }

        var plaintext = new byte[sealedValue.Length - HeaderLength];
        using var aes = new AesGcm(keys.EncryptionKey, TagLength);
        aes.Decrypt(sealedValue.AsSpan(1, NonceLength), sealedValue.AsSpan(HeaderLength), sealedValue.AsSpan(1 + NonceLength, TagLength),
            plaintext, AssociatedData(owner, field));
        return plaintext;
    }

    public byte[] Hash(string normalisedValue) => HMACSHA256.HashData(keys.HashKey, Encoding.UTF8.GetBytes(normalisedValue));

    public byte[] Hash(byte[] data) => HMACSHA256.HashData(keys.HashKey, data);

    private static byte[] AssociatedData(Guid owner, string field) => Encoding.UTF8.GetBytes($"{owner:N}/{field}");
}
