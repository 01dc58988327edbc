using Microsoft.AspNetCore.Hosting;

namespace Lishui.Testing;

/// <summary>
/// The token settings every in-process host of these tests gets: the test run's signing key (never in
/// appsettings), public rate limits out of the way, and an environment that is neither Production (which
/// refuses development keys and self-signed service tokens) nor Development (which shows exception details).
/// </summary>
public static class TestSecurity
{
    public const string Environment = "Testing";

    public static void Apply(IWebHostBuilder builder, string environment = Environment)
    {
        builder.UseEnvironment(environment);
        foreach (var (key, value) in TestTokens.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Security:PublicRateLimit:WritesPerMinute", "100000");
        builder.UseSetting("Security:PublicRateLimit:ReadsPerMinute", "100000");
    }
}
