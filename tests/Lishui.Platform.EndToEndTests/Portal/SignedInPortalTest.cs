namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// A browser test class of the signed-in portal: the demo data loaded on the shared platform, and the
/// sign-in helpers and the portal's address at hand.
/// </summary>
public abstract class SignedInPortalTest(PlatformFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    protected PlatformFixture Platform { get; } = platform;

    protected BrowserFixture Browser { get; } = browser;

    protected SignedInPages Pages { get; } = new(platform, browser);

    protected Uri Portal => Pages.Portal;

    public Task InitializeAsync() => DemoData.EnsureLoadedAsync(Platform);

    public Task DisposeAsync() => Task.CompletedTask;
}
