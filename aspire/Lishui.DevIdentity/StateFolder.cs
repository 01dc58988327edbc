using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Lishui.DevIdentity;

/// <summary>
/// The app host's git-ignored state folder (<c>DevIdentity:StateDir</c>): the provider's signing and
/// encryption keys are made there on first start, so tokens and sessions survive a restart, and the demo
/// seed writes the demo accounts there (<c>dev-accounts.json</c>). Nothing of it is ever in the repository.
/// </summary>
public sealed class StateFolder(string path)
{
    public string Path { get; } = path;

    public string AccountsFile => System.IO.Path.Combine(Path, "dev-accounts.json");

    public static StateFolder Resolve(IConfiguration config) =>
        new(System.IO.Path.GetFullPath(config["DevIdentity:StateDir"] ?? System.IO.Path.Combine(AppContext.BaseDirectory, ".infra")));

    public RsaSecurityKey SigningKey()
    {
        var rsa = RSA.Create();
        var file = System.IO.Path.Combine(Path, "dev-identity-signing.pem");
        var pem = KeptOnce(file, () =>
        {
            using var fresh = RSA.Create(2048);
            return fresh.ExportPkcs8PrivateKeyPem();
        });
        rsa.ImportFromPem(pem);
        // A stable key id: the services' cached key set still matches after a restart.
        return new RsaSecurityKey(rsa) { KeyId = Convert.ToHexString(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16] };
    }

    public byte[] EncryptionKey() =>
        Convert.FromBase64String(KeptOnce(System.IO.Path.Combine(Path, "dev-identity-encryption.key"),
            () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    private static string KeptOnce(string file, Func<string> make)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        if (!File.Exists(file))
        {
            var temp = file + ".tmp";
            File.WriteAllText(temp, make());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temp, file, overwrite: false);
        }

        return File.ReadAllText(file);
    }
}
