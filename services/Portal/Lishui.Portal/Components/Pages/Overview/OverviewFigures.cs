using System.Globalization;
using System.Text;
using Lishui.Portal.Clients;
using Lishui.Portal.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.Portal.Components.Pages.Overview;

/// <summary>The overview's figures as a reader sees them, on the page and in its CSV file alike.</summary>
public static class OverviewFigures
{
    public static readonly IReadOnlyList<(string Code, string Label)> ProjectStates =
    [
        ("Proposed", "待立项"), ("Approved", "已立项"), ("InProgress", "实施中"), ("Completed", "已完成"),
        ("Evaluated", "已评价"), ("Suspended", "暂停"), ("Cancelled", "已取消"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Grades =
        [("Excellent", "优秀"), ("Qualified", "合格"), ("BasicallyQualified", "基本合格"), ("Unqualified", "不合格")];

    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "无数据";

    public static string Of(int count, int of) => of == 0 ? "" : $"{count}/{of}";

    public static string ProjectsText(VillageProjectFigures? p) =>
        p is null ? "无数据" : p.Projects == 0 ? "无项目" :
        string.Join("，", ProjectStates.Where(s => p.ProjectsByStatus.GetValueOrDefault(s.Code) > 0).Select(s => $"{s.Label} {p.ProjectsByStatus[s.Code]}"));

    public static string GradesText(VillagePointsFigures? a) =>
        a is null ? "无数据" : a.Assessed == 0 ? "无考核" : string.Join("，", Grades.Select(g => $"{g.Label} {a.Grades.GetValueOrDefault(g.Code)}"));

    /// <summary>UTF-8 with a byte-order mark, so Excel opens the Chinese as Chinese.</summary>
    public static byte[] Csv(TownOverview o)
    {
        var csv = new StringBuilder();
        Row(csv, ["村", "月份", "学习出勤率", "出席/登记人次", "结对联系按时率", "按时/结对数", "诉求收到", "诉求答复", "诉求未办结", "诉求逾期",
            "项目数", "项目状态", "项目平均进度", "积分考核人数", "积分等次", "积分平均分", .. o.BandLabels]);
        foreach (var v in o.Villages)
        {
            var p = v.Pairing;
            var r = v.Projects;
            var a = v.Points;
            Row(csv, [v.Village, $"{o.Month:yyyy-MM}",
                Percent(p?.AttendanceRate), p is null ? "" : Of(p.Present, p.AttendanceRecorded),
                Percent(p?.ContactRate), p is null ? "" : Of(p.PairsOnTime, p.ActivePairs),
                N(r?.RequestsReceived), N(r?.RequestsAnswered), N(r?.RequestsOpen), N(r?.RequestsOverdue),
                N(r?.Projects), ProjectsText(r), r?.AverageProgress is { } g ? $"{g:0.#}%" : "无数据",
                N(a?.Assessed), GradesText(a), a?.AverageTotal is { } t ? t.ToString("0.#", CultureInfo.InvariantCulture) : "无数据",
                .. o.BandLabels.Select((_, i) => a is null || i >= a.Bands.Count ? "" : a.Bands[i].ToString(CultureInfo.InvariantCulture))]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "无数据";

    private static void Row(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(",", cells.Select(c => c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{c.Replace("\"", "\"\"")}\"" : c))).Append("\r\n");

    /// <summary>The month asked for (yyyy-MM), or this month.</summary>
    public static DateOnly Month(string? text, TimeProvider time) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is >= 2000 and <= 2100
            ? m
            : Text.Today(time) is var today ? new DateOnly(today.Year, today.Month, 1) : default;

    /// <summary>GET /overview.csv?month=: the same figures as the page, for Excel.</summary>
    public static IEndpointRouteBuilder MapOverviewExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/overview.csv", async Task<Results<ForbidHttpResult, FileContentHttpResult>> (string? month, TownOverviewApi overview, TimeProvider time, CancellationToken ct) =>
        {
            var figures = await overview.ForMonthAsync(Month(month, time), ct);
            return figures.Refused
                ? TypedResults.Forbid()
                : TypedResults.File(Csv(figures), "text/csv; charset=utf-8", $"town-overview-{figures.Month:yyyy-MM}.csv");
        }).RequireAuthorization(PortalAreas.OversightPolicy);
        return app;
    }
}
