namespace Lishui.Portal.Clients;

public sealed record TuesdaySession(
    string? OrganBranchName, string? VillageCommitteeName, DateOnly On, DateTimeOffset? StartsAt, int? DurationMinutes, string? Place, string? Topic,
    string State, string StateText, string? Reason);

public sealed record TuesdayVisit(string? VillageName, string? LeaderName, DateOnly On, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, bool Held);

public sealed record ThisTuesday(DateOnly Tuesday, IReadOnlyList<TuesdaySession> Sessions, IReadOnlyList<TuesdayVisit> StationingVisits);

/// <summary>Pairing's public endpoint: this week's Party Building Tuesday across the town.</summary>
public sealed class PairingApi(HttpClient http)
{
    public Task<ThisTuesday?> ThisTuesdayAsync(CancellationToken ct) => http.GetOrNullAsync<ThisTuesday>("/public/this-tuesday", ct);
}
