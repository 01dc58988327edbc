using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Shared.Security;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Lishui.Pairing.Tests.Api;

/// <summary>The service with signed-in callers limited to three requests a minute per user and six per service client.</summary>
public sealed class AuthenticatedRateLimitedPairingApiFactory : PairingApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{PlatformSecurity.AuthenticatedRateLimitSection}:PerMinute", "3");
        builder.UseSetting($"{PlatformSecurity.AuthenticatedRateLimitSection}:ServicePerMinute", "6");
    }
}

public sealed class AuthenticatedRateLimitTests(AuthenticatedRateLimitedPairingApiFactory api) : IClassFixture<AuthenticatedRateLimitedPairingApiFactory>
{
    [Fact]
    public async Task A_signed_in_user_is_throttled_on_their_own_with_Retry_After_and_another_user_is_not()
    {
        using var busy = api.ClientWith(TestTokens.TownAdministrator("busy-admin"));
        using var other = api.ClientWith(TestTokens.TownAdministrator("other-admin"));

        var statuses = await StatusesAsync(busy, "/local-members", 4);
        var refused = await busy.GetAsync("/local-members");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Equal("rate-limited", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/local-members")).StatusCode);
    }

    [Fact]
    public async Task A_service_client_calling_for_many_residents_has_its_own_higher_limit()
    {
        using var portal = api.ClientWith(TestTokens.Service("portal-public-web", PlatformScopes.PublicPortal));

        var statuses = await StatusesAsync(portal, "/public/this-tuesday", 7);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 6), HttpStatusCode.TooManyRequests], statuses);
        using var anotherClient = api.ClientWith(TestTokens.Service("portal-other-instance", PlatformScopes.PublicPortal));
        Assert.Equal(HttpStatusCode.OK, (await anotherClient.GetAsync("/public/this-tuesday")).StatusCode);
    }

    [Fact]
    public async Task A_user_refused_again_and_again_is_throttled_too()
    {
        using var member = api.ClientWith(TestTokens.Member(Guid.NewGuid(), "curious-member"));

        var statuses = await StatusesAsync(member, "/local-members", 4);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], statuses);
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, string path, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await client.GetAsync(path)).StatusCode);
        }

        return statuses;
    }
}
