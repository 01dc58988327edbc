using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lishui.Deployment.Tests.Platform;

/// <summary>
/// Starts a service in process (its real Program) with its database and broker unreachable, finds the
/// health check endpoints it maps, and asks each one: those that fail check the dependencies
/// (readiness), those that answer 200 only say the process is alive (liveness). A service with no
/// database and no broker (the portal) has no dependency to take down: it gets a failing check
/// without the "live" tag instead, so its readiness endpoints are those that run every check.
/// </summary>
public static class HealthProbe
{
    // MapHealthChecks names its endpoints so.
    private const string HealthChecksDisplayName = "Health checks";

    public static async Task<HealthEndpoints> ProbeAsync(Assembly service, IEnumerable<string> connectionNames)
    {
        var program = service.EntryPoint?.DeclaringType
            ?? throw new InvalidOperationException($"{service.GetName().Name} has no entry point.");
        var factoryType = typeof(WebApplicationFactory<>).MakeGenericType(program);
        await using var factory = (IAsyncDisposable)Activator.CreateInstance(factoryType)!;

        var connections = connectionNames.ToList();
        Action<IWebHostBuilder> configure = web =>
        {
            web.UseEnvironment("Production");
            if (connections.Count == 0)
            {
                // Not tagged "live": the liveness endpoint (ServiceDefaults' /alive) does not run it.
                web.ConfigureServices(services => services.AddHealthChecks()
                    .AddCheck("dependency-down", () => HealthCheckResult.Unhealthy("stands in for a dependency that is down"), tags: ["probe"]));
            }

            web.UseSetting("Logging:LogLevel:Default", "None");

            // Keys a service refuses to start without (Membership's personal-data keys): random, never stored.
            web.UseSetting("PersonalData:EncryptionKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            web.UseSetting("PersonalData:HashKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            // Production refuses to start without an identity provider (never contacted by anonymous probes).
            web.UseSetting("Authentication:Schemes:Bearer:Authority", "https://id.lishui.example/realms/lishui");
            web.UseSetting("Authentication:Schemes:Bearer:ValidAudiences:0", "lishui-platform");
            foreach (var name in connections)
            {
                // Port 1 on the loopback refuses at once: the dependencies are down, not slow.
                web.UseSetting($"ConnectionStrings:{name}", name == ServiceCode.BrokerConnectionName
                    ? "amqp://guest:guest@127.0.0.1:1/"
                    : $"Host=127.0.0.1;Port=1;Database={name};Username=probe;Password=probe;Timeout=3");
            }
        };
        var configured = factoryType.GetMethod(nameof(WebApplicationFactory<object>.WithWebHostBuilder))!.Invoke(factory, [configure])!;
        await using var _ = (IAsyncDisposable)configured;
        using var client = (HttpClient)configured.GetType().GetMethod(nameof(WebApplicationFactory<object>.CreateClient), Type.EmptyTypes)!.Invoke(configured, null)!;
        var services = (IServiceProvider)configured.GetType().GetProperty(nameof(WebApplicationFactory<object>.Services))!.GetValue(configured)!;

        var paths = services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.DisplayName == HealthChecksDisplayName)
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Distinct()
            .ToList();

        var readiness = new List<string>();
        var liveness = new List<string>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            (response.StatusCode == HttpStatusCode.OK ? liveness : readiness).Add(path);
        }

        return new HealthEndpoints(readiness, liveness);
    }
}
