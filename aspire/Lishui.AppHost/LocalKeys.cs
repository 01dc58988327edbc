using System.Security.Cryptography;
using System.Text.Json;

namespace Lishui.AppHost;

/// <summary>
/// Keys the services need that must never be in the repository (e.g. Membership's personal-data keys).
/// For local runs the app host makes them once, at random, and keeps them in a git-ignored file next to
/// the local infrastructure state, so data encrypted yesterday can still be read today. Configuration
/// (user secrets or environment, e.g. <c>LocalKeys__PersonalData__EncryptionKey</c>) wins over the file.
/// Kubernetes takes them from Secrets instead (deploy/k8s).
/// </summary>
public static class LocalKeys
{
    /// <summary>A base64 key of <paramref name="bytes"/> random bytes, created on first use.</summary>
    public static string Get(IDistributedApplicationBuilder builder, string name, int bytes = 32)
    {
        var configured = builder.Configuration[$"LocalKeys:{name.Replace('.', ':')}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var dir = Path.GetFullPath(builder.Configuration["Infra:StateDir"] ?? Path.Combine(builder.AppHostDirectory, ".infra"));
        var file = Path.Combine(dir, "local-keys.json");
        lock (Gate)
        {
            Directory.CreateDirectory(dir);
            var keys = File.Exists(file)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file)) ?? []
                : [];
            if (!keys.TryGetValue(name, out var key))
            {
                key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes));
                keys[name] = key;
                File.WriteAllText(file, JsonSerializer.Serialize(keys, new JsonSerializerOptions { WriteIndented = true }));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            return key;
        }
    }

    private static readonly Lock Gate = new();
}
