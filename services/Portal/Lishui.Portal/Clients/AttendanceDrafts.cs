using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;

namespace Lishui.Portal.Clients;

/// <summary>
/// A secretary's attendance checklist while it is being filled in: kept on the server at every 暂存, so
/// a session interrupted (a call, a flat tablet battery, a sign-in that ran out) picks up where it was.
/// Pairing records the session once, when it is submitted.
/// </summary>
public sealed class AttendanceDrafts(IDistributedCache cache)
{
    public sealed record Row(Guid MemberId, string? Status, string? Reason);

    public sealed record Draft(string? Topic, IReadOnlyList<Row> Rows, string Key);

    public async Task<Draft?> GetAsync(string user, Guid pairing, DateOnly on, CancellationToken ct) =>
        await cache.GetStringAsync(Key(user, pairing, on), ct) is { } json ? JsonSerializer.Deserialize<Draft>(json) : null;

    public Task SaveAsync(string user, Guid pairing, DateOnly on, Draft draft, CancellationToken ct) =>
        cache.SetStringAsync(Key(user, pairing, on), JsonSerializer.Serialize(draft),
            new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromDays(2) }, ct);

    public Task RemoveAsync(string user, Guid pairing, DateOnly on, CancellationToken ct) => cache.RemoveAsync(Key(user, pairing, on), ct);

    private static string Key(string user, Guid pairing, DateOnly on) => $"attendance-draft:{user}:{pairing}:{on:yyyy-MM-dd}";
}
