namespace Lishui.Benchmarks;

/// <summary>
/// The footprint's floor: an empty ASP.NET Core minimal API (only /health), started by the footprint
/// command exactly as the services are (<c>dotnet Lishui.Benchmarks.dll empty-api</c>, same environment).
/// </summary>
public static class EmptyApi
{
    public static async Task<int> RunAsync()
    {
        var app = WebApplication.CreateBuilder().Build();
        app.MapGet("/health", (IServiceProvider services) =>
        {
            StartupReport.LogOnce(services);
            return "Healthy";
        });
        await app.RunAsync();
        return 0;
    }
}
