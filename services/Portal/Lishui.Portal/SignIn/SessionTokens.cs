using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace Lishui.Portal.SignIn;

/// <summary>A signed-in person's tokens, kept on the server: the browser's cookie carries only the session id.</summary>
public sealed record UserTokens(string AccessToken, string? RefreshToken, string? IdToken, DateTimeOffset ObtainedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>
    /// Refreshed a little before it runs out, so a call never reaches a service with a token that expires
    /// on the way: a quarter of its lifetime, at most a minute.
    /// </summary>
    public bool NeedsRefresh(DateTimeOffset now)
    {
        var margin = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, (ExpiresAt - ObtainedAt).Ticks / 4));
        return now >= ExpiresAt - margin;
    }
}

/// <summary>
/// Tokens by session id in the distributed cache (in memory for one replica; a shared cache for more).
/// Kept as long as a session may last; sign-out removes them.
/// </summary>
public sealed class SessionTokens(IDistributedCache cache)
{
    public const string SessionClaim = "portal_session";

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public async Task<UserTokens?> GetAsync(string session, CancellationToken ct)
    {
        var json = await cache.GetStringAsync(Key(session), ct);
        return json is null ? null : JsonSerializer.Deserialize<UserTokens>(json);
    }

    public Task SetAsync(string session, UserTokens tokens, CancellationToken ct) =>
        cache.SetStringAsync(Key(session), JsonSerializer.Serialize(tokens),
            new DistributedCacheEntryOptions { SlidingExpiration = SessionLifetime }, ct);

    public Task RemoveAsync(string session, CancellationToken ct) => cache.RemoveAsync(Key(session), ct);

    private static string Key(string session) => "portal-session:" + session;
}
