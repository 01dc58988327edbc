using Lishui.Notification.Data;
using Lishui.Notification.Domain.Templates;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Templates;

/// <summary>Earlier versions.</summary>
public static class ListTemplateVersions
{
    public static RouteHandlerBuilder MapListTemplateVersions(this IEndpointRouteBuilder api) =>
        api.MapGet("/templates/{key}/{locale}/versions", VersionsAsync).RequireAccess(NotificationAccess.TownAndAuditors).WithTags("Templates").WithName("ListTemplateVersions").WithSummary("模板历史版本 / Earlier versions");

    private static async Task<Results<Ok<Page<TemplateResponse>>, ProblemHttpResult>> VersionsAsync(
        string key, string locale, NotificationDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        if (!TemplateKind.All.ContainsKey(key))
        {
            return Problems.NotFound("消息模板", "template");
        }

        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Templates.AsNoTracking().Where(t => t.Key == key && t.Locale == locale);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(t => t.Version).Skip(skip).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Page<TemplateResponse>(items.Select(TemplateResponse.From).ToList(), number, size, total));
    }
}
