using Microsoft.AspNetCore.Http.HttpResults;
using System.Globalization;
using System.Text;
using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Security;
using Lishui.Assessment.Web;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Features.Notices;

public sealed record OpenDataNotice(
    Guid Id, int Year, string? OrganisationName, SubjectType SubjectType, SchemeTopic Topic, DateOnly WindowOpensOn, DateOnly WindowClosesOn, bool Final,
    IReadOnlyList<PublicDimension> Dimensions, IReadOnlyList<PublicResultResponse> Results);

/// <summary>
/// Open data (no login): a notice's whole list as JSON (<c>/notices/{id}/results.json</c>) or CSV
/// (<c>/notices/{id}/results.csv</c>, UTF-8 with a BOM so Excel shows Chinese, Chinese headers). The
/// same fields as the public notice: name, grade (code and Chinese label), total, a score per dimension;
/// nothing else. The CSV keeps its columns, so spreadsheets built on it still line up.
/// </summary>
public static class ExportNotice
{
    public static IEndpointRouteBuilder MapExportNotice(this IEndpointRouteBuilder api)
    {
        api.MapGet("/notices/{id:guid}/results.json", JsonAsync).RequireAccess(AssessmentAccess.Anyone)
            .WithName("ExportNoticeJson").WithSummary("公示结果开放数据（JSON）/ Notice results as open data (JSON)")
            .Produces<OpenDataNotice>();
        api.MapGet("/notices/{id:guid}/results.csv", CsvAsync).RequireAccess(AssessmentAccess.Anyone)
            .WithName("ExportNoticeCsv").WithSummary("公示结果开放数据（CSV）/ Notice results as open data (CSV)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        return api;
    }

    private static async Task<Results<Ok<OpenDataNotice>, ProblemHttpResult>> JsonAsync(Guid id, AssessmentDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } notice ? TypedResults.Ok(notice) : Problems.NotFound("公示", "notice");

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(Guid id, AssessmentDbContext db, CancellationToken ct)
    {
        if (await LoadAsync(db, id, ct) is not { } notice)
        {
            return Problems.NotFound("公示", "notice");
        }

        var csv = new StringBuilder();
        var nameHeader = notice.SubjectType switch { SubjectType.Member => "姓名", SubjectType.Household => "户主", _ => "名称" };
        Csv.Row(csv, [nameHeader, "等次", "总分", .. notice.Dimensions.Select(d => $"{d.Name}（满分{Number(d.Max)}）")]);
        foreach (var r in notice.Results)
        {
            Csv.Row(csv, [r.Name, GradeNames.Zh(r.Grade), Number(r.Total), .. notice.Dimensions.Select(d => Number(r.Scores.GetValueOrDefault(d.Code)))]);
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"assessment-{notice.Year}-{notice.Id:N}.csv");
    }

    private static async Task<OpenDataNotice?> LoadAsync(AssessmentDbContext db, Guid id, CancellationToken ct)
    {
        if (await db.Notices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct) is not { } notice)
        {
            return null;
        }

        var scheme = await db.Schemes.AsNoTracking().FirstAsync(s => s.Id == notice.SchemeId, ct);
        var rows = await db.Results.AsNoTracking().Where(r => r.SchemeId == notice.SchemeId)
            .OrderBy(r => r.Rank).ThenBy(r => r.Name).ThenBy(r => r.SubjectId)
            .Select(r => new { r.Name, r.Grade, r.Total, r.Scores })
            .ToListAsync(ct);
        return new OpenDataNotice(notice.Id, notice.Year, await db.OrganisationNameAsync(notice.OrganisationId, ct), scheme.SubjectType, scheme.Topic, notice.WindowOpensOn, notice.WindowClosesOn, notice.IsFinal,
            scheme.Dimensions.Select(d => new PublicDimension(d.Code, d.Name, d.Max)).ToList(),
            rows.Select(r => PublicResultResponse.Of(r.Name, r.Grade, r.Total, r.Scores)).ToList());
    }

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
