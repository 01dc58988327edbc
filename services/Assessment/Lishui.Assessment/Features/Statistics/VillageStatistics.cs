using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Statistics;

/// <summary>
/// How one village's members stand in the year's member points schemes: by grade, by band of total
/// (90+, 80–89, 70–79, 60–69, below 60) and on average. Results of a closed year; the standings so far
/// (provisional) for a year still open.
/// </summary>
public sealed record VillagePointsFigures(
    Guid VillageId, string Village, int Schemes, bool Closed, int Assessed, IReadOnlyDictionary<string, int> Grades, IReadOnlyList<int> Bands, decimal? AverageTotal);

public sealed record PointsStatisticsResponse(int Year, IReadOnlyList<string> BandLabels, IReadOnlyList<VillagePointsFigures> Villages);

/// <summary>
/// GET /statistics/villages?year=2026: the town overview's points distribution, one row per village (a
/// lowest party committee), over the member schemes of its subtree. For the town and auditors.
/// </summary>
public static class VillageStatistics
{
    private static readonly decimal[] BandFloors = [90, 80, 70, 60, decimal.MinValue];
    private static readonly string[] BandLabels = ["90分以上", "80–89分", "70–79分", "60–69分", "60分以下"];

    public static RouteHandlerBuilder MapVillageStatistics(this IEndpointRouteBuilder api) =>
        // The town overview's points distribution per village: the whole town's, read by the town and auditors.
        api.MapGet("/statistics/villages", HandleAsync).RequireAccess(AssessmentAccess.TownRead)
            .WithName("GetPointsVillageStatistics")
            .WithSummary("各村党员积分分布 / Members' points distribution per village")
            .WithDescription("按村统计某年度党员量化积分：各等次人数、各分数段人数和平均分；年度未结束时为当前暂定积分。/ Per village and year: members by grade, by band of total and the mean; provisional while the year is open.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<PointsStatisticsResponse>, ProblemHttpResult>> HandleAsync(
        string? year, AssessmentDbContext db, TimeProvider time, CancellationToken ct)
    {
        var query = new QueryValues();
        var y = query.Int("year", year, 2000, 2100, "年度") ?? Lishui.Shared.Domain.TownCalendar.DateOf(time.GetUtcNow()).Year;
        if (query.Problem() is { } problem)
        {
            return problem;
        }

        var villageOf = await db.VillagesAsync(ct);
        var schemes = await db.Schemes.AsNoTracking()
            .Where(s => s.Year == y && s.SubjectType == SubjectType.Member && s.Topic == SchemeTopic.MemberPoints)
            .ToListAsync(ct);
        var totals = new Dictionary<Guid, List<(decimal Total, Grade Grade)>>();
        var closedOf = new Dictionary<Guid, List<bool>>();
        foreach (var scheme in schemes.Where(s => villageOf.ContainsKey(s.OrganisationId)))
        {
            var village = villageOf[scheme.OrganisationId].Id;
            var rows = scheme.IsClosed
                ? await db.Results.AsNoTracking().Where(r => r.SchemeId == scheme.Id).Select(r => new { r.Total, r.Grade }).ToListAsync(ct)
                : (await StandingsQuery.For(db, scheme).ToListAsync(ct)).Select(r => new { r.Total, r.Grade }).ToList();
            (totals.TryGetValue(village, out var list) ? list : totals[village] = []).AddRange(rows.Select(r => (r.Total, r.Grade)));
            (closedOf.TryGetValue(village, out var c) ? c : closedOf[village] = []).Add(scheme.IsClosed);
        }

        var villages = villageOf.Values.Distinct().OrderBy(v => v.Name, StringComparer.Ordinal).Select(v =>
        {
            var rows = totals.GetValueOrDefault(v.Id) ?? [];
            var closed = closedOf.GetValueOrDefault(v.Id) ?? [];
            return new VillagePointsFigures(v.Id, v.Name, closed.Count, closed.Count > 0 && closed.All(x => x), rows.Count,
                Enum.GetValues<Grade>().ToDictionary(g => g.ToString(), g => rows.Count(r => r.Grade == g)),
                [.. BandFloors.Select((floor, i) => rows.Count(r => r.Total >= floor && (i == 0 || r.Total < BandFloors[i - 1])))],
                rows.Count == 0 ? null : Math.Round(rows.Average(r => r.Total), 1));
        }).ToList();
        return TypedResults.Ok(new PointsStatisticsResponse(y, BandLabels, villages));
    }
}
