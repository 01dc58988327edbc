using System.Net;

namespace Lishui.Portal.Clients;

public sealed record VillagePairingFigures(
    Guid VillageId, string Village, int Sessions, int AttendanceRecorded, int Present, int Excused, decimal? AttendanceRate,
    int ActivePairs, int PairsOnTime, decimal? ContactRate);

public sealed record PairingStatistics(string Month, IReadOnlyList<VillagePairingFigures> Villages);

public sealed record VillageProjectFigures(
    Guid VillageId, string Village, int RequestsReceived, int RequestsAnswered, int RequestsOpen, int RequestsOverdue,
    IReadOnlyDictionary<string, int> ProjectsByStatus, int Projects, decimal? AverageProgress);

public sealed record ProjectStatistics(string Month, int RequestAnswerDays, IReadOnlyList<VillageProjectFigures> Villages);

public sealed record VillagePointsFigures(
    Guid VillageId, string Village, int Schemes, bool Closed, int Assessed, IReadOnlyDictionary<string, int> Grades, IReadOnlyList<int> Bands, decimal? AverageTotal);

public sealed record PointsStatistics(int Year, IReadOnlyList<string> BandLabels, IReadOnlyList<VillagePointsFigures> Villages);

/// <summary>One village's month as the overview shows it: each part from the service that owns it, null where that service could not answer.</summary>
public sealed record VillageOverview(Guid VillageId, string Village, VillagePairingFigures? Pairing, VillageProjectFigures? Projects, VillagePointsFigures? Points)
{
    /// <summary>The village as residents name it (鹤峰村党委 → 鹤峰村), for the public lists' filters.</summary>
    public string PlaceName => Village.EndsWith("党委", StringComparison.Ordinal) ? Village[..^2] : Village;
}

public sealed record TownOverview(DateOnly Month, IReadOnlyList<VillageOverview> Villages, IReadOnlyList<string> BandLabels, bool Refused, IReadOnlyList<string> Missing, int? RequestAnswerDays);

/// <summary>
/// The town overview (数据看板): the portal only puts side by side what each service computes over its
/// own data (Pairing: attendance and contacts; PracticalProjects: requests and projects; Assessment:
/// points), each asked with the signed-in person's token.
/// </summary>
public sealed class TownOverviewApi(IHttpClientFactory clients)
{
    public const string Pairing = "overview-pairing";
    public const string Projects = "overview-projects";
    public const string Assessment = "overview-assessment";

    public async Task<TownOverview> ForMonthAsync(DateOnly month, CancellationToken ct)
    {
        var pairing = ReadAsync<PairingStatistics>(Pairing, $"/statistics/villages?month={month:yyyy-MM}", ct);
        var projects = ReadAsync<ProjectStatistics>(Projects, $"/statistics/villages?month={month:yyyy-MM}", ct);
        var points = ReadAsync<PointsStatistics>(Assessment, $"/statistics/villages?year={month.Year}", ct);
        await Task.WhenAll(pairing, projects, points);
        var (p, r, a) = (pairing.Result, projects.Result, points.Result);
        var refused = p.Refused || r.Refused || a.Refused;
        var missing = new List<string>();
        if (p.Value is null && !p.Refused) missing.Add("学习出勤与结对联系");
        if (r.Value is null && !r.Refused) missing.Add("群众诉求与办实事项目");
        if (a.Value is null && !a.Refused) missing.Add("党员积分");

        var names = new Dictionary<Guid, string>();
        foreach (var (id, name) in (p.Value?.Villages.Select(v => (v.VillageId, v.Village)) ?? [])
                     .Concat(r.Value?.Villages.Select(v => (v.VillageId, v.Village)) ?? [])
                     .Concat(a.Value?.Villages.Select(v => (v.VillageId, v.Village)) ?? []))
        {
            names.TryAdd(id, name);
        }

        var villages = names.OrderBy(n => n.Value, StringComparer.Ordinal).Select(n => new VillageOverview(n.Key, n.Value,
            p.Value?.Villages.FirstOrDefault(v => v.VillageId == n.Key),
            r.Value?.Villages.FirstOrDefault(v => v.VillageId == n.Key),
            a.Value?.Villages.FirstOrDefault(v => v.VillageId == n.Key))).ToList();
        return new TownOverview(month, villages, a.Value?.BandLabels ?? [], refused, missing, r.Value?.RequestAnswerDays);
    }

    private async Task<(T? Value, bool Refused)> ReadAsync<T>(string client, string url, CancellationToken ct)
        where T : class
    {
        try
        {
            var read = await clients.CreateClient(client).ReadAsAsync<T>(url, ct);
            return (read.Value, read.Refused is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
        }
        catch (HttpRequestException)
        {
            return (null, false);
        }
    }
}
