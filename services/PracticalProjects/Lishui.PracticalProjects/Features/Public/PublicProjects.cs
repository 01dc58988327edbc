using System.Globalization;
using System.Text;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Security;
using Lishui.PracticalProjects.Web;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Features.Public;

public sealed record Satisfaction(decimal? Average, int Count);

/// <summary>One project in the public list and the open-data export.</summary>
public sealed record PublicProjectSummary(
    Guid Id, string Title, ProjectLevel Level, string LevelText, string Batch, ProjectDomain Domain, string DomainText, string? Village,
    Guid ResponsibleOrganisationId, string ResponsibleCadre, string Location, DateOnly PlannedStart, DateOnly PlannedEnd, decimal Budget,
    string FundingSource, decimal Granted, ProjectStatus Status, string StatusText, int Progress, int RolledUpProgress, Guid? ParentId,
    Satisfaction Satisfaction);

public sealed record PublicMilestone(string Name, DateOnly PlannedOn, DateOnly? ReachedOn);

public sealed record PublicTimelineEntry(DateOnly On, string Kind, string Text);

public sealed record PublicChildProject(Guid Id, string Title, string? Village, ProjectStatus Status, int Progress, int Weight);

public sealed record PublicGrant(decimal Amount, string FundingSource, DateOnly GrantedOn);

/// <summary>An opinion collection on the project as the public sees it: the counts, never a household or a signature.</summary>
public sealed record PublicConsultation(
    string Subject, string EconomicCooperative, int AffectedHouseholds, int Agree, int Disagree, int Abstain, int NotVisited, decimal AgreeShare,
    int ThresholdPercent, bool Completed, bool Passed);

public sealed record PublicProjectDetail(
    PublicProjectSummary Project, IReadOnlyList<PublicMilestone> Milestones, IReadOnlyList<PublicTimelineEntry> Timeline,
    IReadOnlyList<PublicChildProject> SubProjects, IReadOnlyList<PublicGrant> Grants, IReadOnlyList<string> OriginRequestReferenceNumbers,
    IReadOnlyList<FundResponse> SpecialFunds, IReadOnlyList<PublicConsultation> Consultations);

/// <summary>
/// The public view and open data of 我为群众办实事: list (filtered, paged), one project with its
/// roll-up, milestones, timeline and satisfaction, and the filtered list as CSV or JSON.
/// </summary>
public static class PublicProjects
{
    public const int MaxExportRows = 10_000;

    private static readonly string[] CsvHeader =
    [
        "项目编号", "项目名称", "层级", "批次", "领域", "所在村", "责任单位编号", "责任人", "地点", "计划开始", "计划完成", "预算（元）", "资金来源",
        "已拨付（元）", "状态", "进度（%）", "汇总进度（%）", "上级项目编号", "满意度均分", "评价人数",
    ];

    public static IEndpointRouteBuilder MapPublicProjects(this IEndpointRouteBuilder api)
    {
        // Residents, without signing in.
        api.MapGet("/public/projects", ListAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("PublicProjects")
            .WithSummary("办实事项目公开列表（按层级、批次、领域、村/责任单位、状态筛选）/ Public list of projects");
        api.MapGet("/public/projects/{id:guid}", GetAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("PublicProject")
            .WithSummary("办实事项目公开详情 / A project's public record");
        api.MapGet("/public/projects/export.csv", ExportCsvAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("ExportProjectsCsv")
            .WithSummary("开放数据：筛选结果导出 CSV（UTF-8，含 BOM）/ Open data: the filtered list as CSV")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        api.MapGet("/public/projects/export.json", ExportJsonAsync).RequireAccess(PracticalProjectsAccess.Anyone).WithName("ExportProjectsJson")
            .WithSummary("开放数据：筛选结果导出 JSON / Open data: the filtered list as JSON")
            .Produces<IReadOnlyList<PublicProjectSummary>>();
        return api;
    }

    private static async Task<Page<PublicProjectSummary>> ListAsync(
        ProjectsDbContext db, ProjectLevel? level, string? batch, ProjectDomain? domain, string? village, Guid? organisationId, ProjectStatus? status,
        int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = Filter(db, level, batch, domain, village, organisationId, status);
        var total = await query.CountAsync(ct);
        var items = await SummariesAsync(db, Ordered(query).Skip(skip).Take(size), ct);
        return new Page<PublicProjectSummary>(items, number, size, total);
    }

    private static async Task<Results<Ok<PublicProjectDetail>, ProblemHttpResult>> GetAsync(Guid id, ProjectsDbContext db, CancellationToken ct)
    {
        var projectId = new ProjectId(id);
        if (await db.Projects.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(p => p.Id == projectId, ct) is not { } project)
        {
            return Problems.NotFound("项目", "project");
        }

        var summary = (await SummariesAsync(db, db.Projects.AsNoTracking().Where(p => p.Id == projectId), ct)).Single();
        var children = (await db.Projects.AsNoTracking().Where(p => p.ParentId == projectId).OrderBy(p => p.Title)
                .Select(p => new { p.Id, p.Title, p.Village, p.Status, p.Progress, p.Weight }).ToListAsync(ct))
            .Select(p => new PublicChildProject(p.Id.Value, p.Title, p.Village, p.Status, p.Progress, p.Weight)).ToList();
        var originIds = project.OriginRequestIds.Select(r => new Domain.Requests.ResidentRequestId(r)).ToList();
        var origins = originIds.Count == 0
            ? []
            : await db.ResidentRequests.AsNoTracking().Where(r => originIds.Contains(r.Id)).OrderBy(r => r.ReferenceNumber)
                .Select(r => r.ReferenceNumber).ToListAsync(ct);
        // Beside the grants from the special fund: what is left of it in each year they drew on.
        var fundYears = project.Grants.Where(g => Domain.Funds.SpecialFund.IsDrawnBy(g.FundingSource)).Select(g => g.GrantedOn.Year).Distinct().ToList();
        var funds = fundYears.Count == 0
            ? []
            : (await db.SpecialFunds.AsNoTracking().Where(f => fundYears.Contains(f.Year)).OrderBy(f => f.Year).ToListAsync(ct)).Select(FundResponse.From).ToList();
        var consultations = (await db.OpinionCollections.AsNoTracking().Where(c => c.ProjectId == id).ToListAsync(ct))
            .OrderBy(c => c.Id.Value)
            .Select(c => (c, r: c.Tally()))
            .Select(x => new PublicConsultation(
                x.c.Subject, x.c.EconomicCooperative, x.r.Affected, x.r.Agree, x.r.Disagree, x.r.Abstain, x.r.NotVisited, x.r.AgreeShare,
                x.c.ThresholdPercent, x.c.CompletedAt is not null, x.c.Passed ?? false))
            .ToList();
        return TypedResults.Ok(new PublicProjectDetail(
            summary,
            project.Milestones.OrderBy(m => m.PlannedOn).Select(m => new PublicMilestone(m.Name, m.PlannedOn, m.ReachedOn)).ToList(),
            Timeline(project),
            children,
            project.Grants.OrderBy(g => g.GrantedOn).Select(g => new PublicGrant(g.Amount, g.FundingSource, g.GrantedOn)).ToList(),
            origins,
            funds,
            consultations));
    }

    private static async Task<FileContentHttpResult> ExportCsvAsync(
        ProjectsDbContext db, ProjectLevel? level, string? batch, ProjectDomain? domain, string? village, Guid? organisationId, ProjectStatus? status,
        CancellationToken ct)
    {
        var rows = await SummariesAsync(db, Ordered(Filter(db, level, batch, domain, village, organisationId, status)).Take(MaxExportRows), ct);
        var csv = new StringBuilder();
        csv.AppendJoin(',', CsvHeader).Append("\r\n");
        foreach (var p in rows)
        {
            string[] fields =
            [
                p.Id.ToString(), p.Title, p.LevelText, p.Batch, p.DomainText, p.Village ?? string.Empty, p.ResponsibleOrganisationId.ToString(), p.ResponsibleCadre,
                p.Location, p.PlannedStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.PlannedEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.Budget.ToString("0.00", CultureInfo.InvariantCulture), p.FundingSource, p.Granted.ToString("0.00", CultureInfo.InvariantCulture), p.StatusText,
                p.Progress.ToString(CultureInfo.InvariantCulture), p.RolledUpProgress.ToString(CultureInfo.InvariantCulture), p.ParentId?.ToString() ?? string.Empty,
                p.Satisfaction.Average?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty, p.Satisfaction.Count.ToString(CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', fields.Select(Escape)).Append("\r\n");
        }

        // The BOM makes spreadsheet programs on Chinese Windows read the file as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", "practical-projects.csv");
    }

    private static async Task<Ok<IReadOnlyList<PublicProjectSummary>>> ExportJsonAsync(
        ProjectsDbContext db, ProjectLevel? level, string? batch, ProjectDomain? domain, string? village, Guid? organisationId, ProjectStatus? status,
        HttpContext http, CancellationToken ct)
    {
        var rows = await SummariesAsync(db, Ordered(Filter(db, level, batch, domain, village, organisationId, status)).Take(MaxExportRows), ct);
        http.Response.Headers.ContentDisposition = "attachment; filename=practical-projects.json";
        return TypedResults.Ok<IReadOnlyList<PublicProjectSummary>>(rows);
    }

    private static IQueryable<PracticalProject> Filter(
        ProjectsDbContext db, ProjectLevel? level, string? batch, ProjectDomain? domain, string? village, Guid? organisationId, ProjectStatus? status)
    {
        var query = db.Projects.AsNoTracking();
        query = level is { } l ? query.Where(p => p.Level == l) : query;
        query = batch is { Length: > 0 } b ? query.Where(p => p.Batch == b) : query;
        query = domain is { } d ? query.Where(p => p.Domain == d) : query;
        query = village is { Length: > 0 } v ? query.Where(p => p.Village == v) : query;
        query = organisationId is { } o ? query.Where(p => p.ResponsibleOrganisationId == o) : query;
        query = status is { } s ? query.Where(p => p.Status == s) : query;
        return query;
    }

    private static IQueryable<PracticalProject> Ordered(IQueryable<PracticalProject> query) =>
        query.OrderBy(p => p.Batch).ThenBy(p => p.Level).ThenBy(p => p.Title).ThenBy(p => p.Id);

    /// <summary>Scalar columns only (no owned collections loaded), then roll-up and satisfaction for just these projects.</summary>
    private static async Task<List<PublicProjectSummary>> SummariesAsync(ProjectsDbContext db, IQueryable<PracticalProject> query, CancellationToken ct)
    {
        var rows = await query.Select(p => new
        {
            p.Id, p.Title, p.Level, p.Batch, p.Domain, p.Village, p.ResponsibleOrganisationId, p.ResponsibleCadre, p.Location, p.PlannedStart,
            p.PlannedEnd, p.Budget, p.FundingSource, Granted = p.Grants.Sum(g => g.Amount), p.Status, p.Progress, p.ParentId,
        }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var parentIds = ids.Select(i => (ProjectId?)i).ToList();
        var children = (await db.Projects.AsNoTracking().Where(c => parentIds.Contains(c.ParentId))
                .Select(c => new { c.ParentId, c.Progress, c.Weight }).ToListAsync(ct))
            .ToLookup(c => c.ParentId!.Value, c => (c.Progress, c.Weight));
        var ratings = await db.Ratings.AsNoTracking().Where(r => ids.Contains(r.ProjectId)).GroupBy(r => r.ProjectId)
            .Select(g => new { ProjectId = g.Key, Count = g.Count(), Average = g.Average(r => (decimal)r.Score) })
            .ToDictionaryAsync(g => g.ProjectId, ct);
        return rows.Select(p => new PublicProjectSummary(
            p.Id.Value, p.Title, p.Level, ProjectText.Level(p.Level), p.Batch, p.Domain, ProjectText.Domain(p.Domain), p.Village,
            p.ResponsibleOrganisationId, p.ResponsibleCadre, p.Location, p.PlannedStart, p.PlannedEnd, p.Budget, p.FundingSource, p.Granted, p.Status,
            ProjectStatusText.Zh(p.Status), p.Progress, PracticalProject.RolledUp(p.Progress, children[p.Id].ToList()), p.ParentId?.Value,
            ratings.TryGetValue(p.Id, out var r) ? new Satisfaction(Math.Round(r.Average, 1), r.Count) : new Satisfaction(null, 0))).ToList();
    }

    /// <summary>Status changes, progress reports, milestones reached, grants and published updates, oldest first.</summary>
    private static List<PublicTimelineEntry> Timeline(PracticalProject p)
    {
        var entries = new List<(DateOnly On, DateTimeOffset At, PublicTimelineEntry Entry)>();
        entries.AddRange(p.History.Select(h => (h.EffectiveOn, h.RecordedAt, new PublicTimelineEntry(h.EffectiveOn, "Status",
            $"项目{ProjectStatusText.Zh(h.To)}{(h.Reason is null ? string.Empty : $"（原因：{h.Reason}）")}"))));
        entries.AddRange(p.ProgressReports.Select(r => (TownCalendar.DateOf(r.RecordedAt), r.RecordedAt,
            new PublicTimelineEntry(TownCalendar.DateOf(r.RecordedAt), "Progress",
                $"进度更新为 {r.To}%{(r.Reason is null ? string.Empty : $"（原因：{r.Reason}）")}"))));
        entries.AddRange(p.Milestones.Where(m => m.ReachedOn is not null).Select(m => (m.ReachedOn!.Value, DateTimeOffset.MaxValue,
            new PublicTimelineEntry(m.ReachedOn!.Value, "Milestone", $"完成节点：{m.Name}"))));
        entries.AddRange(p.Grants.Select(g => (g.GrantedOn, g.RecordedAt,
            new PublicTimelineEntry(g.GrantedOn, "Grant", $"拨付资金 {g.Amount:0.##} 元（{g.FundingSource}）"))));
        entries.AddRange(p.Updates.Select(u => (u.PublishedOn, u.RecordedAt, new PublicTimelineEntry(u.PublishedOn, "Update", u.Text))));
        return entries.OrderBy(e => e.On).ThenBy(e => e.At).Select(e => e.Entry).ToList();
    }

    private static string Escape(string field)
    {
        // A cell starting with = + - @ would run as a formula in a spreadsheet: keep it text.
        if (field is ['=' or '+' or '-' or '@', ..])
        {
            field = "'" + field;
        }

        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
