using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Lishui.Shared.Security;

/// <summary>
/// Gives a service's outgoing calls to another service a token of the service's own identity with one
/// scope (e.g. Notification reading a contact from Membership). In production the token comes from the
/// identity provider's token endpoint (client credentials: <c>Security:ServiceClient:TokenEndpoint</c>,
/// <c>ClientId</c>, <c>ClientSecret</c>); for local runs and tests, outside production only, it is signed
/// with the development key the services already accept (<c>Authentication:Schemes:Bearer:SigningKeys</c>).
/// </summary>
public sealed class ServiceTokenHandler(string scope, IConfiguration config, IHostEnvironment env, TimeProvider time, IHttpClientFactory clients)
    : DelegatingHandler
{
    private static readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> Cache = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(CancellationToken ct)
    {
        var client = config["Security:ServiceClient:ClientId"] ?? env.ApplicationName;
        var key = $"{client}|{scope}";
        if (Cache.TryGetValue(key, out var cached) && cached.Expires > time.GetUtcNow().AddMinutes(1))
        {
            return cached.Token;
        }

        var fresh = config["Security:ServiceClient:TokenEndpoint"] is { Length: > 0 } endpoint
            ? await FromProviderAsync(endpoint, client, ct)
            : SignLocally(client);
        Cache[key] = fresh;
        return fresh.Token;
    }

    private async Task<(string Token, DateTimeOffset Expires)> FromProviderAsync(string endpoint, string client, CancellationToken ct)
    {
        using var http = clients.CreateClient(nameof(ServiceTokenHandler));
        using var response = await http.PostAsync(endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client,
            ["client_secret"] = config["Security:ServiceClient:ClientSecret"] ?? throw new InvalidOperationException("Security:ServiceClient:ClientSecret is not set."),
            ["scope"] = scope,
        }), ct);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct) ?? throw new InvalidOperationException("The token endpoint answered nothing.");
        return (token.AccessToken, time.GetUtcNow().AddSeconds(token.ExpiresIn));
    }

    private (string Token, DateTimeOffset Expires) SignLocally(string client)
    {
        if (env.IsProduction())
        {
            throw new InvalidOperationException("Security:ServiceClient:TokenEndpoint must be set in production: services do not sign their own tokens there.");
        }

        var bearer = config.GetSection(PlatformSecurity.BearerSection);
        var issuer = bearer["ValidIssuer"] ?? throw new InvalidOperationException($"{PlatformSecurity.BearerSection}:ValidIssuer is not set.");
        var keyValue = bearer.GetSection("SigningKeys").GetChildren().FirstOrDefault(k => k["Issuer"] == issuer)?["Value"]
            ?? throw new InvalidOperationException($"No development signing key for issuer {issuer}.");
        var audience = bearer["ValidAudience"] ?? bearer.GetSection("ValidAudiences").GetChildren().FirstOrDefault()?.Value;
        var expires = time.GetUtcNow().AddMinutes(15);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Expires = expires.UtcDateTime,
            IssuedAt = time.GetUtcNow().UtcDateTime,
            NotBefore = time.GetUtcNow().UtcDateTime,
            Subject = new ClaimsIdentity([new Claim(PlatformClaims.ClientId, client), new Claim(PlatformClaims.Scope, scope)]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(keyValue)), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

public static class ServiceIdentityExtensions
{
    /// <summary>Outgoing calls of this client carry a token of the service's own identity with <paramref name="scope"/>.</summary>
    public static IHttpClientBuilder WithServiceToken(this IHttpClientBuilder client, string scope) =>
        client.AddHttpMessageHandler(sp => new ServiceTokenHandler(
            scope,
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>(),
            TimeProvider.System, // tokens are checked against real time, even where the service's clock is moved
            sp.GetRequiredService<IHttpClientFactory>()));
}
