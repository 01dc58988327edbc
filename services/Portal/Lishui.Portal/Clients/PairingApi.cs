namespace Lishui.Portal.Clients;

public sealed record TuesdayStudy(
    string OrganisationName, string PartnerName, DateOnly Date, TimeOnly StartsAt, int DurationMinutes, string Place, string? Topic,
    string State, string? Reason);

public sealed record TuesdayVisit(string VillageName, string? LeaderName, DateOnly Date, TimeOnly StartsAt, string Place);

public sealed record ThisTuesday(DateOnly Tuesday, IReadOnlyList<TuesdayStudy> Studies, IReadOnlyList<TuesdayVisit> StationingVisits);

/// <summary>Pairing's public endpoint: this week's Party Building Tuesday across the town.</summary>
public sealed class PairingApi(HttpClient http)
{
    public Task<ThisTuesday?> ThisTuesdayAsync(CancellationToken ct) => http.GetOrNullAsync<ThisTuesday>("/public/this-tuesday", ct);
}
