using System.Net;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Lishui.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Lishui.Security.Tests;

/// <summary>
/// The API reference (Scalar) is for developers: served in Development, anonymously like the OpenAPI
/// document it shows, with its scripts from the service itself (town intranets reach no CDN); elsewhere
/// it does not exist.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ApiReferenceTests
{
    [Fact]
    public async Task In_Development_anyone_reads_the_API_reference_served_without_a_CDN()
    {
        await using var app = await StartAsync("Development");
        using var client = app.GetTestClient();

        var page = await client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"src=""(https?:)?//", html);
        Assert.Contains(@"""withDefaultFonts"":false", html, StringComparison.Ordinal);
        Assert.Contains(@"""url"":""openapi/v1.json""", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/scalar/scalar.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Theory]
    [InlineData("Staging")]
    [InlineData(TestSecurity.Environment)]
    public async Task Outside_Development_there_is_no_API_reference_but_the_document_stays_public(string environment)
    {
        await using var app = await StartAsync(environment);
        using var client = app.GetTestClient();

        Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync("/scalar/v1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    private static async Task<WebApplication> StartAsync(string environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestTokens.Settings);
        builder.AddPlatformWeb();
        builder.AddPlatformSecurity();
        var app = builder.Build();
        app.UsePlatformWeb();
        app.UsePlatformSecurity();
        app.MapApi().MapGet("/echo-wall", () => Results.Ok()).RequireAccess(AccessRule.Of(Grant.Public));
        await app.StartAsync();
        return app;
    }
}
