using System.Diagnostics;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Lishui.AppHost;
using Lishui.Shared.Security;
using Lishui.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Lishui.Platform.EndToEndTests;

/// <summary>
/// The whole platform through the real app host, once per test collection: broker, database
/// server, migrations and all five services, on local executables where no container runtime
/// answers. A fresh state folder per run, so nothing left over matters.
/// </summary>
public sealed class PlatformFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public static readonly string[] Services = ["membership", "assessment", "pairing", "projects", "notification"];

    // Under /tmp: every parent of the state folder must be enterable by the postgres OS user.
    private readonly string stateDir = Path.Combine("/tmp", "lishui-e2e", Guid.NewGuid().ToString("N")[..8]);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> serviceLogs = new();

    /// <summary>How long the development provider's access tokens last in these tests.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromSeconds(30);

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The app host's state folder of this run (its local-keys.json signs development tokens).</summary>
    public string StateDir => stateDir;

    public TimeSpan StartupTime { get; private set; }

    /// <summary>Every integration event published while the platform runs, as the broker carried it.</summary>
    public EventTap Events { get; private set; } = null!;

    /// <summary>A client for a service that calls as a town administrator (or with <paramref name="token"/>; "" for none).</summary>
    public HttpClient Client(string service, string? token = null)
    {
        var client = App.CreateHttpClient(service);
        token ??= Token("e2e-admin", [PlatformRoles.TownAdministrator]);
        if (token.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A development token, signed with the key the app host made in this run's state folder.</summary>
    public string Token(string subject, string[] roles, Guid? organisationId = null, Guid? memberId = null)
    {
        var keys = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(stateDir, "local-keys.json")))!;
        return TestTokens.For(subject, roles, organisationId, memberId, DevelopmentTokens.Audience, keys[DevelopmentTokens.KeyName], issuer: DevelopmentTokens.Issuer);
    }

    /// <summary>Everything the services wrote to their consoles so far, as the app host forwards it.</summary>
    public IReadOnlyList<string> ServiceLogs => [.. serviceLogs];

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        var mode = Environment.GetEnvironmentVariable("LISHUI_E2E_INFRA_MODE") ?? "auto";
        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Lishui_AppHost>(
            // Access tokens of the development provider last seconds, so the portal's refresh is exercised.
            [$"--Infra:Mode={mode}", $"--Infra:StateDir={stateDir}", $"--DevIdentity:AccessTokenLifetime={AccessTokenLifetime:c}"], startup.Token);
        // Resource logs at Information drown the test output; problems still show as warnings.
        builder.Services.AddLogging(logging => logging.AddFilter("Lishui.AppHost.Resources", LogLevel.Warning).AddFilter("Aspire.Hosting", LogLevel.Warning)
            // ... but every line of the services' consoles is kept for the personal-data scan.
            .AddProvider(new ResourceLogCapture(serviceLogs))
            .AddFilter<ResourceLogCapture>("Lishui.AppHost.Resources", LogLevel.Trace));
        App = await builder.BuildAsync(startup.Token);

        // A resource that dies before it is healthy would leave StartAsync waiting until the timeout:
        // watch for it and fail at once with its name.
        string? crashed = null;
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in App.ResourceNotifications.WatchAsync(startup.Token))
                {
                    var state = e.Snapshot.State?.Text;
                    if (state == KnownResourceStates.FailedToStart ||
                        (KnownResourceStates.TerminalStates.Contains(state) && e.Snapshot.ExitCode is not (null or 0)))
                    {
                        crashed = $"{e.Resource.Name} {state} (exit code {e.Snapshot.ExitCode})";
                        await startup.CancelAsync();
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        try
        {
            await App.StartAsync(startup.Token);
            foreach (var service in Services.Append("portal"))
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(service, startup.Token);
            }
        }
        catch (OperationCanceledException) when (crashed is not null)
        {
            throw new InvalidOperationException($"Resource died during startup: {crashed}, after {clock.Elapsed.TotalSeconds:F1} s.");
        }

        StartupTime = clock.Elapsed;
        Events = await EventTap.StartAsync(new Uri((await App.GetConnectionStringAsync("messaging", startup.Token))!));
        diagnostics.OnMessage(new DiagnosticMessage($"Platform up (mode {mode}) in {StartupTime.TotalSeconds:F1} s, state in {stateDir}"));
    }

    public async Task DisposeAsync()
    {
        if (Events is not null)
        {
            await Events.DisposeAsync();
        }

        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        try
        {
            Directory.Delete(stateDir, recursive: true);
        }
        catch (IOException)
        {
            // a last log file still being written; the folder is under /tmp anyway
        }
    }
}

/// <summary>Keeps the lines the app host forwards from its resources' consoles (categories <c>Lishui.AppHost.Resources.*</c>).</summary>
internal sealed class ResourceLogCapture(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("Lishui.AppHost.Resources", StringComparison.Ordinal) ? new Capture(categoryName, lines) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Capture(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)}");
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}

/// <summary>
/// A platform of its own for the portal's tests: they load the demo data (its town committee among
/// them), which the other end-to-end tests create for themselves.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DemoPlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform with demo data";
}
