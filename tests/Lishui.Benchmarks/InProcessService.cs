using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Lishui.Testing;
using Microsoft.Extensions.Configuration;

namespace Lishui.Benchmarks;

/// <summary>
/// A service hosted in this process exactly as its Program.cs does it (service defaults, the
/// module's registration and its API), on a real Kestrel port, configured through settings only.
/// </summary>
public sealed class InProcessService : IAsyncDisposable
{
    private InProcessService(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.TownAdministrator("benchmark"));
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<InProcessService> StartAsync(
        IDictionary<string, string?> settings, Action<WebApplicationBuilder> add, Action<WebApplication> map, CancellationToken ct = default)
    {
        // Production in all but name: "Benchmark" lets the services accept the run's own signing key,
        // which Production refuses (it needs the town's identity provider).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        });
        builder.Configuration.AddInMemoryCollection(TestTokens.Settings);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        add(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        map(app);
        await app.StartAsync(ct);
        return new InProcessService(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await App.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await App.DisposeAsync();
    }
}
