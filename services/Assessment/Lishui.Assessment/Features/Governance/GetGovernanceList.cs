using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Text;
using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Assessment.Web;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Governance;

/// <summary>Published member results of the village's member schemes (all four grades counted).</summary>
public sealed record MemberGradeFigures(int Assessed, int Excellent, int Qualified, int BasicallyQualified, int Unqualified, decimal AverageTotal, bool Final);

/// <summary><see cref="Count"/> of <see cref="Of"/>, and the share (0–1, four decimals).</summary>
public sealed record RateFigure(int Of, int Count, decimal Rate);

/// <summary>Average score of the subjects in the village, as a percentage of their scheme's total.</summary>
public sealed record ScoreFigure(int Subjects, decimal AveragePercent);

/// <summary>Member pairs of the village seen in the period, those with a missed contact date, and the share without.</summary>
public sealed record ContactComplianceFigure(int Pairs, int PairsOverdue, int ContactsLogged, decimal Rate);

/// <summary>
/// 治理成效清单: one village (its party committee's subtree) over one period. A figure is null when
/// nothing it is computed from has arrived ("no data"), never a misleading 0.
/// </summary>
public sealed record GovernanceListResponse(
    Guid VillageId,
    string Village,
    DateOnly From,
    DateOnly To,
    MemberGradeFigures? MemberGrades,
    RateFigure? FiveGoodHouseholds,
    ScoreFigure? SafetyProduction,
    ScoreFigure? EnvironmentalRemediation,
    RateFigure? StudyAttendance,
    ContactComplianceFigure? PairingContacts,
    RateFigure? ResidentRequestsAnsweredOnTime,
    int? ProjectsCompleted);

/// <summary>GET /governance/villages/{id}?year=2025 (or from/to), and <c>.../list.csv</c>: the governance-effectiveness list.</summary>
public static class GetGovernanceList
{
    public static IEndpointRouteBuilder MapGetGovernanceList(this IEndpointRouteBuilder api)
    {
        // The governance-effectiveness list of a village.
        api.MapGet("/governance/villages/{id:guid}", JsonAsync).RequireAccess(AssessmentAccess.SubtreeRead, AssessmentAccess.Organisation).WithName("GetGovernanceList").WithSummary("治理成效清单 / Governance-effectiveness list")
            .Produces<GovernanceListResponse>();
        api.MapGet("/governance/villages/{id:guid}/list.csv", CsvAsync).RequireAccess(AssessmentAccess.SubtreeRead, AssessmentAccess.Organisation).WithName("GetGovernanceListCsv").WithSummary("治理成效清单（CSV）/ Governance-effectiveness list (CSV)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        return api;
    }

    private static async Task<Results<Ok<GovernanceListResponse>, ProblemHttpResult>> JsonAsync(Guid id, int? year, DateOnly? from, DateOnly? to, AssessmentDbContext db, TimeProvider time, CancellationToken ct) =>
        await ComputeAsync(db, id, year, from, to, time, ct) is { } list ? TypedResults.Ok(list) : Problems.NotFound("村党组织", "village organisation");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(Guid id, int? year, DateOnly? from, DateOnly? to, AssessmentDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (await ComputeAsync(db, id, year, from, to, time, ct) is not { } l)
        {
            return Problems.NotFound("村党组织", "village organisation");
        }

        var csv = new StringBuilder();
        Csv.Row(csv, ["指标", "数值", "说明"]);
        Csv.Row(csv, ["村", l.Village, $"{l.From:yyyy-MM-dd} 至 {l.To:yyyy-MM-dd}"]);
        var g = l.MemberGrades;
        Csv.Row(csv, ["党员考核人数", N(g?.Assessed), g is null ? NoData : g.Final ? "结果已确定" : "公示中"]);
        Csv.Row(csv, ["优秀", N(g?.Excellent), null]);
        Csv.Row(csv, ["合格", N(g?.Qualified), null]);
        Csv.Row(csv, ["基本合格", N(g?.BasicallyQualified), null]);
        Csv.Row(csv, ["不合格", N(g?.Unqualified), null]);
        Csv.Row(csv, ["党员平均分", N(g?.AverageTotal), null]);
        Csv.Row(csv, ["五好文明户比例", P(l.FiveGoodHouseholds?.Rate), Of(l.FiveGoodHouseholds, "户")]);
        Csv.Row(csv, ["安全生产平均得分率", P(l.SafetyProduction?.AveragePercent / 100), l.SafetyProduction is { } s ? $"{s.Subjects} 个对象" : NoData]);
        Csv.Row(csv, ["环境整治平均得分率", P(l.EnvironmentalRemediation?.AveragePercent / 100), l.EnvironmentalRemediation is { } e ? $"{e.Subjects} 个对象" : NoData]);
        Csv.Row(csv, ["第一议题学习出勤率", P(l.StudyAttendance?.Rate), Of(l.StudyAttendance, "人次")]);
        Csv.Row(csv, ["结对联系合规率", P(l.PairingContacts?.Rate),
            l.PairingContacts is { } c ? $"{c.Pairs} 对结对，{c.PairsOverdue} 对逾期，联系 {c.ContactsLogged} 次" : NoData]);
        Csv.Row(csv, ["群众诉求按时答复率", P(l.ResidentRequestsAnsweredOnTime?.Rate), Of(l.ResidentRequestsAnsweredOnTime, "件")]);
        Csv.Row(csv, ["完成实事项目数", N(l.ProjectsCompleted), l.ProjectsCompleted is null ? NoData : null]);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"governance-{l.VillageId:N}-{l.From:yyyyMMdd}-{l.To:yyyyMMdd}.csv");
    }

    private const string NoData = "无数据";

    private static string N(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : NoData;

    private static string N(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : NoData;

    private static string P(decimal? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : NoData;

    private static string Of(RateFigure? f, string unit) => f is null ? NoData : $"{f.Count}/{f.Of} {unit}";

    public static async Task<GovernanceListResponse?> ComputeAsync(
        AssessmentDbContext db, Guid villageId, int? year, DateOnly? fromDay, DateOnly? toDay, TimeProvider time, CancellationToken ct)
    {
        if (await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.OrganisationId == villageId, ct) is not { } village)
        {
            return null;
        }

        var y = year ?? fromDay?.Year ?? toDay?.Year ?? time.Today().Year;
        var from = fromDay ?? new DateOnly(y, 1, 1);
        var to = toDay ?? new DateOnly(from.Year, 12, 31);
        if (to < from)
        {
            throw new RequestValidationException([new FieldError("to", "governance.period-invalid", "结束日期不能早于开始日期。", "The period must not end before it starts.")]);
        }

        var subtree = await db.Database.SqlQuery<Guid>($"""SELECT organisation_id AS "Value" FROM organisation_subtree({villageId})""").ToListAsync(ct);
        var facts = db.GovernanceFacts.AsNoTracking().Where(f => subtree.Contains(f.OrganisationId));
        var inPeriod = facts.Where(f => f.OccurredOn >= from && f.OccurredOn <= to);

        return new GovernanceListResponse(
            villageId, village.Name, from, to,
            await MemberGradesAsync(db, subtree, from.Year, to.Year, ct),
            await FiveGoodAsync(db, subtree, from.Year, to.Year, ct),
            await ScoreAsync(db, subtree, SchemeTopic.SafetyProduction, from.Year, to.Year, ct),
            await ScoreAsync(db, subtree, SchemeTopic.EnvironmentalRemediation, from.Year, to.Year, ct),
            await AttendanceAsync(inPeriod, ct),
            await ContactsAsync(inPeriod, ct),
            await RequestsAsync(facts, inPeriod, ct),
            await ProjectsAsync(facts, inPeriod, to, ct));
    }

    private static IQueryable<AssessmentResult> Results(AssessmentDbContext db, SchemeTopic topic, int fromYear, int toYear) =>
        db.Results.AsNoTracking().Where(r => db.Schemes.Any(s => s.Id == r.SchemeId && s.Topic == topic && s.Year >= fromYear && s.Year <= toYear));

    private static async Task<MemberGradeFigures?> MemberGradesAsync(AssessmentDbContext db, List<Guid> subtree, int fromYear, int toYear, CancellationToken ct)
    {
        var schemes = await db.Schemes.AsNoTracking()
            .Where(s => s.Topic == SchemeTopic.MemberPoints && s.Year >= fromYear && s.Year <= toYear && subtree.Contains(s.OrganisationId) && s.ClosedAt != null)
            .Select(s => s.Id).ToListAsync(ct);
        var grades = await db.Results.AsNoTracking().Where(r => schemes.Contains(r.SchemeId))
            .GroupBy(r => r.Grade).Select(g => new { Grade = g.Key, Count = g.Count(), Sum = g.Sum(r => r.Total) }).ToListAsync(ct);
        if (grades.Count == 0)
        {
            return null;
        }

        int Count(Grade grade) => grades.Where(g => g.Grade == grade).Sum(g => g.Count);
        var assessed = grades.Sum(g => g.Count);
        var final = !await db.Notices.AnyAsync(n => schemes.Contains(n.SchemeId) && n.FinalisedAt == null, ct);
        return new MemberGradeFigures(assessed, Count(Grade.Excellent), Count(Grade.Qualified), Count(Grade.BasicallyQualified), Count(Grade.Unqualified),
            decimal.Round(grades.Sum(g => g.Sum) / assessed, 2), final);
    }

    /// <summary>A household graded Qualified or better meets the five-good standard (评为五好文明户).</summary>
    private static async Task<RateFigure?> FiveGoodAsync(AssessmentDbContext db, List<Guid> subtree, int fromYear, int toYear, CancellationToken ct)
    {
        var results = Results(db, SchemeTopic.FiveGoodHousehold, fromYear, toYear)
            .Where(r => db.Households.Any(h => h.HouseholdId == r.SubjectId && subtree.Contains(h.OrganisationId)));
        var of = await results.CountAsync(ct);
        return of == 0 ? null : Rate(of, await results.CountAsync(r => r.Grade == Grade.Excellent || r.Grade == Grade.Qualified, ct));
    }

    private static async Task<ScoreFigure?> ScoreAsync(AssessmentDbContext db, List<Guid> subtree, SchemeTopic topic, int fromYear, int toYear, CancellationToken ct)
    {
        var percents = await Results(db, topic, fromYear, toYear)
            .Where(r => subtree.Contains(r.SubjectId))
            .Select(r => r.Total * 100 / db.Schemes.Where(s => s.Id == r.SchemeId).Select(s => s.Total).First())
            .ToListAsync(ct);
        return percents.Count == 0 ? null : new ScoreFigure(percents.Count, decimal.Round(percents.Average(), 2));
    }

    private static async Task<RateFigure?> AttendanceAsync(IQueryable<GovernanceFact> inPeriod, CancellationToken ct)
    {
        var records = inPeriod.Where(f => f.Kind == FactKind.StudyAttendance);
        var of = await records.CountAsync(ct);
        return of == 0 ? null : Rate(of, await records.CountAsync(f => f.Value == "Present", ct));
    }

    private static async Task<ContactComplianceFigure?> ContactsAsync(IQueryable<GovernanceFact> inPeriod, CancellationToken ct)
    {
        var contacts = inPeriod.Where(f => f.Kind == FactKind.ContactLogged || f.Kind == FactKind.ContactOverdue);
        var pairs = await contacts.Select(f => f.SubjectId).Distinct().CountAsync(ct);
        if (pairs == 0)
        {
            return null;
        }

        var overdue = await contacts.Where(f => f.Kind == FactKind.ContactOverdue).Select(f => f.SubjectId).Distinct().CountAsync(ct);
        var logged = await contacts.CountAsync(f => f.Kind == FactKind.ContactLogged, ct);
        return new ContactComplianceFigure(pairs, overdue, logged, decimal.Round((decimal)(pairs - overdue) / pairs, 4));
    }

    /// <summary>Requests answered or gone overdue in the period; on time means answered and never overdue.</summary>
    private static async Task<RateFigure?> RequestsAsync(IQueryable<GovernanceFact> facts, IQueryable<GovernanceFact> inPeriod, CancellationToken ct)
    {
        var requests = inPeriod.Where(f => f.Kind == FactKind.RequestAnswered || f.Kind == FactKind.RequestOverdue).Select(f => f.SubjectId).Distinct();
        var of = await requests.CountAsync(ct);
        if (of == 0)
        {
            return null;
        }

        var overdueEver = facts.Where(f => f.Kind == FactKind.RequestOverdue).Select(f => f.SubjectId);
        var onTime = await inPeriod.Where(f => f.Kind == FactKind.RequestAnswered && !overdueEver.Contains(f.SubjectId)).Select(f => f.SubjectId).Distinct().CountAsync(ct);
        return Rate(of, onTime);
    }

    /// <summary>Null until any project of the village has reported a status change; then the projects completed in the period.</summary>
    private static async Task<int?> ProjectsAsync(IQueryable<GovernanceFact> facts, IQueryable<GovernanceFact> inPeriod, DateOnly to, CancellationToken ct)
    {
        if (!await facts.AnyAsync(f => f.Kind == FactKind.ProjectStatus && f.OccurredOn <= to, ct))
        {
            return null;
        }

        return await inPeriod.Where(f => f.Kind == FactKind.ProjectStatus && f.Value == "Completed").Select(f => f.SubjectId).Distinct().CountAsync(ct);
    }

    private static RateFigure Rate(int of, int count) => new(of, count, decimal.Round((decimal)count / of, 4));
}
