using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Lishui.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Lishui.Security.Tests;

/// <summary>
/// The platform's security pipeline on a small app with one endpoint per kind of rule: tokens signed
/// with the wrong key, expired or for another audience are refused; decisions come back as problem details.
/// </summary>
public sealed class TokenValidationTests : IAsyncLifetime
{
    private static readonly Guid Hefeng = Guid.NewGuid();
    private static readonly Guid Zhoucun = Guid.NewGuid();
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestTokens.Settings.Append(new("Security:PublicRateLimit:WritesPerMinute", "3")));
        builder.AddPlatformWeb();
        builder.AddPlatformSecurity();
        app = builder.Build();
        app.UsePlatformWeb();
        app.UsePlatformSecurity();
        app.MapGet("/organisations/{id:guid}/members", (Guid id) => Results.Ok(new { id }))
            .RequireAccess(AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree),
                r => ValueTask.FromResult<ResourceScope?>(new ResourceScope([r.GetArgument<Guid>(0)])));
        app.MapPost("/echo-wall", () => Results.Ok()).RequireAccess(AccessRule.Of(Grant.Public));
        app.MapGet("/undeclared", () => Results.Ok());
        await app.StartAsync();
        client = app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_token_of_the_right_role_passes() =>
        Assert.Equal(HttpStatusCode.OK, await GetAsync($"/organisations/{Hefeng}/members", TestTokens.Secretary(Hefeng)));

    public static TheoryData<string, string> BadTokens => new()
    {
        { "wrong signing key", TestTokens.For("x", [PlatformRoles.TownAdministrator], key: Convert.ToBase64String(new byte[32])) },
        { "expired", TestTokens.For("x", [PlatformRoles.TownAdministrator], expires: DateTimeOffset.UtcNow.AddMinutes(-5)) },
        { "wrong audience", TestTokens.For("x", [PlatformRoles.TownAdministrator], audience: "someone-else") },
        { "wrong issuer", TestTokens.For("x", [PlatformRoles.TownAdministrator], issuer: "evil") },
        { "not a token", "abc.def.ghi" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_tokens_are_refused_with_401_problem_details(string why, string token)
    {
        var response = await SendAsync(HttpMethod.Get, $"/organisations/{Hefeng}/members", token);
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, why);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("urn:lishui:problem:access.unauthenticated", (await ProblemAsync(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_secretary_of_another_village_gets_403_problem_details()
    {
        var response = await SendAsync(HttpMethod.Get, $"/organisations/{Zhoucun}/members", TestTokens.Secretary(Hefeng));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("您无权执行此操作或查看此数据。", (await ProblemAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_endpoint_without_a_declared_rule_is_for_town_administrators_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/undeclared", null));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync("/undeclared", TestTokens.Secretary(Hefeng)));
        Assert.Equal(HttpStatusCode.OK, await GetAsync("/undeclared", TestTokens.TownAdministrator()));
    }

    [Fact]
    public async Task Anonymous_posts_to_public_endpoints_are_rate_limited_per_client()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SendAsync(HttpMethod.Post, "/echo-wall", null)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        var limited = await SendAsync(HttpMethod.Post, "/echo-wall", null);
        Assert.Equal("urn:lishui:problem:rate-limited", (await ProblemAsync(limited)).GetProperty("type").GetString());
    }

    [Fact]
    public void Production_refuses_to_start_without_an_authority_or_with_development_keys()
    {
        var production = new StubEnvironment(Environments.Production);
        var devKeys = new ConfigurationBuilder().AddInMemoryCollection(TestTokens.Settings).Build().GetSection(PlatformSecurity.BearerSection);
        var e = Assert.Throws<InvalidOperationException>(() => PlatformSecurity.EnsureSafeForEnvironment(devKeys, production));
        Assert.Contains("Authority is not set", e.Message);
        Assert.Contains("SigningKeys", e.Message);

        var proper = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authority"] = "https://id.lishui.gov.cn/realms/lishui",
            ["ValidAudiences:0"] = "lishui-platform",
        }).Build();
        PlatformSecurity.EnsureSafeForEnvironment(proper, production);
        PlatformSecurity.EnsureSafeForEnvironment(devKeys, new StubEnvironment(Environments.Development));
    }

    private async Task<HttpStatusCode> GetAsync(string path, string? token) => (await SendAsync(HttpMethod.Get, path, token)).StatusCode;

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private sealed class StubEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
