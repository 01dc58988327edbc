using System.Reflection;
using Lishui.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Architecture.Tests;

/// <summary>
/// Every endpoint handler names what it answers (<c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>,
/// <c>FileContentHttpResult</c>…) instead of a bare <see cref="IResult"/>, so the signature shows the
/// outcomes and the compiler keeps them in step with the code. The routes are read from each service's
/// own app (its real Program, started with its database and broker unreachable), so no route is missed.
/// </summary>
[Trait("Category", "Unit")]
public sealed class HandlerResultTests
{
    public static TheoryData<string> Services() => new(ServiceAssemblies.Select(a => a.GetName().Name!));

    private static readonly Assembly[] ServiceAssemblies =
    [
        typeof(Lishui.Membership.MembershipModule).Assembly,
        typeof(Lishui.Assessment.AssessmentModule).Assembly,
        typeof(Lishui.Pairing.PairingModule).Assembly,
        typeof(Lishui.PracticalProjects.PracticalProjectsModule).Assembly,
        typeof(Lishui.Notification.NotificationModule).Assembly,
    ];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Every_endpoint_handler_of_the_service_declares_its_typed_results(string service)
    {
        var endpoints = await EndpointsOfAsync(ServiceAssemblies.Single(a => a.GetName().Name == service));

        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<MethodInfo>() is { } handler && IsOurs(handler));
        // A route without a handler method (a bare RequestDelegate) would escape the check: only health checks are mapped so.
        var opaque = endpoints.Where(e => e.Metadata.GetMetadata<MethodInfo>() is null && e.DisplayName != "Health checks").Select(e => e.DisplayName).ToList();
        Assert.True(opaque.Count == 0, $"{service}: routes whose handler the check cannot see: {string.Join(", ", opaque)}");
        var untyped = Untyped(endpoints);
        Assert.True(untyped.Count == 0, $"{service}: handlers answering a bare IResult (declare Results<…> or one typed result):\n  " + string.Join("\n  ", untyped));
    }

    [Fact]
    public async Task The_check_finds_a_handler_that_answers_a_bare_IResult()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/untyped", Sample.Untyped);
        app.MapGet("/untyped-async", Sample.UntypedAsync);
        app.MapGet("/lambda", () => Results.Ok());
        app.MapGet("/typed", Sample.Typed);
        app.MapGet("/file", Sample.File);

        var untyped = Untyped(((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList());

        Assert.Equal(3, untyped.Count);
        Assert.Contains(untyped, u => u.StartsWith("/untyped ", StringComparison.Ordinal));
        Assert.Contains(untyped, u => u.StartsWith("/untyped-async ", StringComparison.Ordinal));
        Assert.Contains(untyped, u => u.StartsWith("/lambda ", StringComparison.Ordinal));
    }

    /// <summary>
    /// The routes whose handler, written here, answers <see cref="IResult"/> itself (directly or in a task). The
    /// API reference viewer's own routes (Scalar's package) are not ours to type.
    /// </summary>
    private static List<string> Untyped(IReadOnlyList<RouteEndpoint> endpoints) =>
        endpoints
            .Select(e => (Route: "/" + e.RoutePattern.RawText?.TrimStart('/'), Handler: e.Metadata.GetMetadata<MethodInfo>()))
            .Where(e => e.Handler is not null && IsOurs(e.Handler) && IsBare(e.Handler.ReturnType))
            .Select(e => $"{e.Route} ({e.Handler!.DeclaringType?.FullName}.{e.Handler.Name} → {e.Handler.ReturnType.Name})")
            .Distinct()
            .ToList();

    private static bool IsOurs(MethodInfo handler) =>
        handler.DeclaringType?.Assembly.GetName().Name?.StartsWith("Lishui.", StringComparison.Ordinal) == true;

    private static bool IsBare(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        return type == typeof(IResult) || type == typeof(object);
    }

    private static async Task<List<RouteEndpoint>> EndpointsOfAsync(Assembly service)
    {
        var program = service.EntryPoint?.DeclaringType
            ?? throw new InvalidOperationException($"{service.GetName().Name} has no entry point.");
        var factoryType = typeof(WebApplicationFactory<>).MakeGenericType(program);
        await using var factory = (IAsyncDisposable)Activator.CreateInstance(factoryType)!;
        Action<IWebHostBuilder> configure = web =>
        {
            // Development maps every route a service has (its development-only ones too).
            TestSecurity.Apply(web, "Development");
            web.UseSetting("Logging:LogLevel:Default", "None");
            web.UseSetting("PersonalData:EncryptionKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            web.UseSetting("PersonalData:HashKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            foreach (var name in new[] { "membershipdb", "assessmentdb", "pairingdb", "projectsdb", "notificationdb" })
            {
                // Nothing is asked of the database or the broker: port 1 on the loopback refuses at once.
                web.UseSetting($"ConnectionStrings:{name}", $"Host=127.0.0.1;Port=1;Database={name};Username=probe;Password=probe;Timeout=3");
            }

            web.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1/");
        };
        var configured = factoryType.GetMethod(nameof(WebApplicationFactory<object>.WithWebHostBuilder))!.Invoke(factory, [configure])!;
        await using var _ = (IAsyncDisposable)configured;
        var services = (IServiceProvider)configured.GetType().GetProperty(nameof(WebApplicationFactory<object>.Services))!.GetValue(configured)!;
        return services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    private static class Sample
    {
        public static IResult Untyped() => Results.Ok();

        public static Task<IResult> UntypedAsync() => Task.FromResult<IResult>(TypedResults.NoContent());

        public static Task<Results<Ok<string>, ProblemHttpResult>> Typed() => Task.FromResult<Results<Ok<string>, ProblemHttpResult>>(TypedResults.Ok("样例"));

        public static FileContentHttpResult File() => TypedResults.File("样例"u8.ToArray(), "text/csv");
    }
}
