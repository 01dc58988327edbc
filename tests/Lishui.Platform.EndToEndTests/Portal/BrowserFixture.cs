using Microsoft.Playwright;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// Debian's Chromium driven by Playwright (its own browser download cannot run here). One browser for
/// the portal tests; each test opens its own context, so cookies (elder mode) never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private const string DebianChromium = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable("LISHUI_CHROMIUM") ?? DebianChromium;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"No Chromium at {executable}: apt-get install -y chromium (deploy/local/test.sh installs it).");
        }

        Directory.CreateDirectory(Screenshots);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--lang=zh-CN"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lishui.Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Lishui.Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
