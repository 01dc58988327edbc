using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Lishui.Portal.SignIn;

/// <summary>
/// Calls a service as the signed-in person: their access token, refreshed with the refresh token when it
/// has run out or is about to. The services decide what the person may do; without a session (or when the
/// provider refuses the refresh) the call goes out without a token and the service answers 401.
/// </summary>
public sealed class UserTokenHandler(
    IHttpContextAccessor http, SessionTokens sessions, IOptionsMonitor<OpenIdConnectOptions> oidc,
    IHttpClientFactory clients, TimeProvider time, ILogger<UserTokenHandler> log) : DelegatingHandler
{
    // One refresh at a time per session: the provider rotates refresh tokens, so two refreshes with the
    // same one would make the second fail.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Refreshing = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (http.HttpContext?.User.FindFirst(SessionTokens.SessionClaim)?.Value is { } session &&
            await CurrentAsync(session, cancellationToken) is { } tokens)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<UserTokens?> CurrentAsync(string session, CancellationToken ct)
    {
        var tokens = await sessions.GetAsync(session, ct);
        if (tokens is null || !tokens.NeedsRefresh(time.GetUtcNow()))
        {
            return tokens;
        }

        var gate = Refreshing.GetOrAdd(session, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            tokens = await sessions.GetAsync(session, ct); // another request may have refreshed meanwhile
            if (tokens is null || !tokens.NeedsRefresh(time.GetUtcNow()))
            {
                return tokens;
            }

            var fresh = await RefreshAsync(tokens, ct);
            if (fresh is null)
            {
                await sessions.RemoveAsync(session, ct);
                return null;
            }

            await sessions.SetAsync(session, fresh, ct);
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<UserTokens?> RefreshAsync(UserTokens tokens, CancellationToken ct)
    {
        if (tokens.RefreshToken is null)
        {
            return null;
        }

        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(ct);
        using var client = clients.CreateClient(nameof(UserTokenHandler));
        using var response = await client.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = tokens.RefreshToken,
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret ?? string.Empty,
        }), ct);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            log.LogInformation("The identity provider refused to refresh a session's token ({Status}); the person signs in again", (int)response.StatusCode);
            return null;
        }

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<TokenResponse>(ct) ?? throw new InvalidOperationException("The token endpoint answered nothing.");
        var now = time.GetUtcNow();
        return new UserTokens(answer.AccessToken, answer.RefreshToken ?? tokens.RefreshToken, answer.IdToken ?? tokens.IdToken, now, now.AddSeconds(answer.ExpiresIn));
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("id_token")] string? IdToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}

public static class UserTokenExtensions
{
    /// <summary>Outgoing calls of this client carry the signed-in person's access token.</summary>
    public static IHttpClientBuilder WithUserToken(this IHttpClientBuilder client) =>
        client.AddHttpMessageHandler<UserTokenHandler>();
}
