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
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lishui.Security.Tests;

/// <summary>
/// The platform's security pipeline on a small app with one endpoint per kind of rule: tokens signed
/// with the wrong key, expired or for another audience are refused; decisions come back as problem details.
/// </summary>
[Trait("Category", "Unit")]
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
        builder.Services.AddSingleton<IScopeLookup>(new Directory());
        app = builder.Build();
        app.UsePlatformWeb();
        app.UsePlatformSecurity();
        var api = app.MapApi();
        api.MapGet("/organisations/{id:guid}/members", (Guid id) => Results.Ok(new { id }))
            .RequireAccess(AccessRule.Of(Grant.Town, Grant.AuditorRead, Grant.SecretaryOfSubtree), ScopeRef.Route("id", "organisation"));
        api.MapPost("/members", (NewMember member) => Results.Ok(member))
            .RequireAccess(AccessRule.Of(Grant.Town, Grant.SecretaryOfSubtree), ScopeRef.Body("organisationId", "organisation"));
        api.MapGet("/members/{id:guid}", (Guid id) => Results.Ok(new { id }))
            .RequireAccess(AccessRule.Of(Grant.Town, Grant.SecretaryOfSubtree, Grant.Self), ScopeRef.Route("id", "member"));
        api.MapGet("/members/{id:guid}/contact", (Guid id) => Results.Ok(new { id }))
            .RequireAccess(AccessRule.Of(Grant.Town).WithService(PlatformScopes.ContactsRead));
        api.MapPost("/echo-wall", () => Results.Ok()).RequireAccess(AccessRule.Of(Grant.Public));
        api.MapGet("/undeclared", () => Results.Ok());
        api.MapPost("/organisations/{id:guid}/notes", (Guid id, NewMember note) => Results.Ok(new { id, note }))
            .RequireAccess(AccessRule.Of(Grant.Town, Grant.SecretaryOfSubtree), ScopeRef.Route("id", "organisation"));
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
    public async Task An_endpoint_without_a_declared_rule_is_refused_to_everyone()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync("/undeclared", null));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync("/undeclared", TestTokens.Secretary(Hefeng)));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync("/undeclared", TestTokens.TownAdministrator()));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync("/undeclared", TestTokens.Auditor()));
    }

    [Fact]
    public void The_policy_table_is_read_from_the_routes_and_shows_an_endpoint_without_a_rule()
    {
        var policy = AccessPolicy.Of(app.Services.GetRequiredService<EndpointDataSource>());

        Assert.Equal(["GET /undeclared"], policy.Where(e => e.Access is null).Select(e => e.ToString()));
        Assert.Equal(7, policy.Count);
        var notes = Assert.Single(policy, e => e.ToString() == "POST /organisations/{id}/notes");
        Assert.Equal(ScopeRef.Route("id", "organisation"), notes.Access!.Scope);
        Assert.True(notes.Access.Rule.Grants.SetEquals([Grant.Town, Grant.SecretaryOfSubtree]));
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
    public async Task A_caller_with_a_valid_token_is_not_throttled_by_the_anonymous_limit()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await SendAsync(HttpMethod.Post, "/echo-wall", TestTokens.Member(HefengMember))).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
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

    [Fact]
    public async Task The_matrix_finds_every_endpoint_in_the_openapi_document_and_checks_each_role_and_scope()
    {
        var world = new MatrixWorld { OwnOrganisation = Hefeng, OwnMember = HefengMember }
            .Kind("organisation", Hefeng, Zhoucun)
            .Kind("member", HefengMember, ZhoucunMember, ofOwnMember: true);
        var result = await AuthorisationMatrix.RunAsync(app.Services, client, world);

        Assert.Empty(result.Mismatches);
        Assert.Equal(["GET /undeclared: no x-lishui-access", "GET /undeclared: no access rule declared beside its route"], result.Undeclared);
        Assert.Equal((7, 7 * (2 + 2 + 2 + 1 + 1 + 2)), (result.Operations, result.Checks));
    }

    [Fact]
    public async Task The_openapi_document_states_each_rule_and_where_its_scope_comes_from()
    {
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var access = document.GetProperty("paths").GetProperty("/members").GetProperty("post").GetProperty(AccessDocumentation.Extension);
        Assert.Equal(["SecretaryOfSubtree", "Town"], access.GetProperty("grants").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(("body", "organisationId", "organisation"),
            (access.GetProperty("scope").GetProperty("in").GetString(), access.GetProperty("scope").GetProperty("name").GetString(), access.GetProperty("scope").GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task A_secretary_cannot_create_in_another_village_and_a_member_is_refused_before_the_body_is_read()
    {
        using var other = new HttpRequestMessage(HttpMethod.Post, "/members") { Content = JsonContent.Create(new NewMember(Zhoucun)) };
        other.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Secretary(Hefeng));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(other)).StatusCode);

        using var garbage = new HttpRequestMessage(HttpMethod.Post, "/members") { Content = new StringContent("not json", System.Text.Encoding.UTF8, "application/json") };
        garbage.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Member(HefengMember));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(garbage)).StatusCode);
    }

    [Fact]
    public async Task Another_villages_secretary_learns_nothing_from_validation_only_its_own_gets_400()
    {
        async Task<HttpStatusCode> PostGarbageAsync(Guid organisation)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/organisations/{organisation}/notes") { Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Secretary(Hefeng));
            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await PostGarbageAsync(Zhoucun));
        Assert.Equal(HttpStatusCode.BadRequest, await PostGarbageAsync(Hefeng));
    }

    public sealed record NewMember(Guid? OrganisationId);

    private static readonly Guid HefengMember = Guid.NewGuid();
    private static readonly Guid ZhoucunMember = Guid.NewGuid();

    /// <summary>The scope lookup of a tiny test app: two villages with one member each.</summary>
    private sealed class Directory : IScopeLookup
    {
        public ValueTask<ResourceScope?> FindAsync(string kind, string id, CancellationToken ct)
        {
            var guid = Guid.Parse(id);
            ResourceScope? scope = kind switch
            {
                "organisation" when guid == Hefeng || guid == Zhoucun => new ResourceScope([guid]),
                "member" when guid == HefengMember => new ResourceScope([Hefeng], guid),
                "member" when guid == ZhoucunMember => new ResourceScope([Zhoucun], guid),
                _ => null,
            };
            return ValueTask.FromResult(scope);
        }
    }

    private sealed class StubEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
