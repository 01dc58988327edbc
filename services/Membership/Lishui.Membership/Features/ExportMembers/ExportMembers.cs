using System.Globalization;
using System.Text;
using Lishui.Membership.Data;
using Lishui.Membership.Domain;
using Lishui.Membership.Protection;
using Lishui.Membership.Security;
using Lishui.Membership.Web;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Features.ExportMembers;

/// <summary>
/// GET /members/export.csv: the roll with the same filters as GET /members, as a CSV a spreadsheet
/// opens (UTF-8 with BOM, the import's Chinese headers); ID and phone numbers masked.
/// </summary>
public static class ExportMembers
{
    public static RouteHandlerBuilder MapExportMembers(this IEndpointRouteBuilder api) =>
        api.MapGet("/members/export.csv", ExportAsync).RequireAccess(MembershipAccess.ReadSubtree, MembershipAccess.OrganisationInQuery)
            .WithName("ExportMembers")
            .WithSummary("导出党员名册（脱敏） / Export the roll as CSV, masked")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();

    private static async Task ExportAsync(
        HttpContext http, MembershipDbContext db, MemberResponses responses, PersonalDataProtector protector, Guid? organisationId, bool? includeDescendants,
        string? status, string? cohort, string? sort, string? idNumber, string? name, int? joinedYear, CancellationToken ct)
    {
        var query = await RollQuery.QueryAsync(db, responses, protector, new MemberFilter(organisationId, includeDescendants, status, cohort, sort, idNumber, name, joinedYear), ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id.Value, o => o.Name, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"members.csv\"; filename*=UTF-8''%E5%85%9A%E5%91%98%E5%90%8D%E5%86%8C.csv";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536);
        await writer.WriteAsync(string.Join(",", RollCsv.Headers) + "\r\n");
        await foreach (var m in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            var masked = responses.Masked(m);
            string[] cells =
            [
                m.Name, m.Gender == Gender.Male ? "男" : "女", Date(m.BirthDate), masked.IdNumber ?? string.Empty, masked.Phone ?? string.Empty,
                Date(m.JoinedOn), m.FullMemberOn is { } full ? Date(full) : string.Empty, organisations.GetValueOrDefault(m.OrganisationId, string.Empty),
            ];
            await writer.WriteAsync(string.Join(",", cells.Select(RollCsv.Escape)) + "\r\n");
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
