using System.Diagnostics;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// The demo data a fresh up.sh loads (deploy/local/seed-demo.py: 鹤峰村 and its 2025 notice, the
/// projects, requests and echo-wall posts), loaded once into this run's platform through the public
/// APIs, so the portal is read against what residents would see.
/// </summary>
public static class DemoData
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PlatformFixture? seeded;

    public static async Task EnsureLoadedAsync(PlatformFixture platform)
    {
        await Gate.WaitAsync();
        try
        {
            if (ReferenceEquals(seeded, platform))
            {
                return;
            }

            string[] services = ["membership", "pairing", "projects", "assessment"];
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(BrowserFixture.RepositoryRoot(), "deploy", "local", "seed-demo.py"));
            foreach (var service in services)
            {
                start.ArgumentList.Add($"{service}={platform.App.GetEndpoint(service, "http").ToString().TrimEnd('/')}");
            }

            start.ArgumentList.Add("--keys");
            start.ArgumentList.Add(Path.Combine(platform.StateDir, "local-keys.json"));
            using var seed = Process.Start(start)!;
            var output = seed.StandardOutput.ReadToEndAsync();
            var error = seed.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            await seed.WaitForExitAsync(timeout.Token);
            if (seed.ExitCode != 0)
            {
                throw new InvalidOperationException($"The demo seed failed ({seed.ExitCode}):\n{await output}\n{await error}");
            }

            seeded = platform;
        }
        finally
        {
            Gate.Release();
        }
    }
}
