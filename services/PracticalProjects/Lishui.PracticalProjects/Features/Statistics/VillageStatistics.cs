using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Domain;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.PracticalProjects.Features.Statistics;

/// <summary>
/// One village's month: requests received and answered in it, those open and overdue at its end (or
/// today, for this month); projects begun by then, counted by their state now, and their mean progress.
/// </summary>
public sealed record VillageProjectFigures(
    Guid VillageId, string Village, int RequestsReceived, int RequestsAnswered, int RequestsOpen, int RequestsOverdue,
    IReadOnlyDictionary<string, int> ProjectsByStatus, int Projects, decimal? AverageProgress);

public sealed record ProjectStatisticsResponse(string Month, DateOnly From, DateOnly To, int RequestAnswerDays, IReadOnlyList<VillageProjectFigures> Villages);

/// <summary>
/// GET /statistics/villages?month=2026-11: the town overview's requests and projects, one row per
/// village (its lowest party committee), over its subtree. Read-only, for the town and auditors.
/// </summary>
public static class VillageStatistics
{
    public static RouteHandlerBuilder MapVillageStatistics(this IEndpointRouteBuilder api) =>
        // The town overview's figures per village: the whole town's, read by the town and auditors.
        api.MapGet("/statistics/villages", HandleAsync).RequireAccess(PracticalProjectsAccess.TownRead)
            .WithName("GetProjectVillageStatistics")
            .WithSummary("各村诉求与项目统计 / Requests and projects per village and month")
            .WithDescription("按村统计某月收到、答复的群众诉求，月末未办结和逾期的诉求，以及各状态的办实事项目数和平均进度。/ Per village and month: requests received, answered, open and overdue; projects by state and their mean progress.")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<ProjectStatisticsResponse>, ProblemHttpResult>> HandleAsync(
        string? month, ProjectsDbContext db, TimeProvider time, IOptions<OverdueOptions> options, CancellationToken ct)
    {
        var today = TownCalendar.DateOf(time.GetUtcNow());
        if (!TryMonth(month, today, out var from))
        {
            return Problems.Result(Problems.Validation([new FieldError("month", "statistics.month-invalid", "月份格式应为 yyyy-MM，例如 2026-11。", "The month must be yyyy-MM, e.g. 2026-11.")]));
        }

        var to = from.AddMonths(1).AddDays(-1);
        var asOf = to < today ? to : today;
        var answerDays = options.Value.RequestAnswerDays;
        var villageOf = await db.VillagesAsync(ct);

        var requests = await db.ResidentRequests.AsNoTracking()
            .Where(r => r.ReceivedOn <= asOf)
            .Select(r => new { r.OrganisationId, r.ReceivedOn, r.AnsweredOn, r.DecidedOn, r.Status })
            .ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.PlannedStart <= to)
            .Select(p => new { p.ResponsibleOrganisationId, p.Status, p.Progress })
            .ToListAsync(ct);

        var rows = villageOf.Values.Distinct().OrderBy(v => v.Name, StringComparer.Ordinal).Select(v =>
        {
            bool Mine(Guid organisation) => villageOf.TryGetValue(organisation, out var village) && village.Id == v.Id;
            var mine = requests.Where(r => Mine(r.OrganisationId)).ToList();
            // Open at the day: not yet answered or decided then (a request decided later was open then).
            var open = mine.Where(r => r.Status == RequestStatus.Reopened || ((r.AnsweredOn ?? r.DecidedOn) is not { } closed
                ? r.Status is RequestStatus.Received or RequestStatus.Accepted
                : closed > asOf)).ToList();
            var overdue = open.Count(r => asOf.DayNumber - r.ReceivedOn.DayNumber > answerDays);
            var theirs = projects.Where(p => Mine(p.ResponsibleOrganisationId)).ToList();
            var running = theirs.Where(p => p.Status is not (ProjectStatus.Cancelled or ProjectStatus.Proposed)).ToList();
            return new VillageProjectFigures(v.Id, v.Name,
                mine.Count(r => r.ReceivedOn >= from),
                mine.Count(r => r.AnsweredOn is { } a && a >= from && a <= to),
                open.Count, overdue,
                theirs.GroupBy(p => p.Status.ToString()).ToDictionary(g => g.Key, g => g.Count()),
                theirs.Count,
                running.Count == 0 ? null : Math.Round((decimal)running.Average(p => p.Progress), 1));
        }).ToList();
        return TypedResults.Ok(new ProjectStatisticsResponse($"{from:yyyy-MM}", from, to, answerDays, rows));
    }

    private static bool TryMonth(string? text, DateOnly today, out DateOnly first)
    {
        first = new DateOnly(today.Year, today.Month, 1);
        return text is null || (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", out first) && first.Year is >= 2000 and <= 2100);
    }
}
