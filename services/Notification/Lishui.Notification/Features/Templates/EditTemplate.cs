using Lishui.Notification.Data;
using Lishui.Notification.Domain.Templates;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Templates;

/// <summary>Edit the wording.</summary>
public static class EditTemplate
{
    public static RouteHandlerBuilder MapEditTemplate(this IEndpointRouteBuilder api) =>
        api.MapPut("/templates/{key}/{locale}", EditAsync).RequireAccess(NotificationAccess.TownOnly).WithTags("Templates").WithName("EditTemplate").WithSummary("修改消息模板 / Edit the wording")
            .Accepts<EditTemplateRequest>("application/json");

    private static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> EditAsync(
        string key, string locale, ValidatedBody<EditTemplateRequest> body, HttpContext http, NotificationDbContext db, TemplateCache cache, TimeProvider time, CancellationToken ct)
    {
        if (!TemplateKind.All.TryGetValue(key, out var kind))
        {
            return Problems.NotFound("消息模板", "template");
        }

        var latest = await db.Templates.Where(t => t.Key == key && t.Locale == locale).MaxAsync(t => (int?)t.Version, ct) ?? 0;
        var edited = MessageTemplate.Write(kind, locale, latest + 1, body.Value.Title, body.Value.Body, ChangedBy(http), time.GetUtcNow());
        db.Templates.Add(edited);

        // Two editors at once: the (key, locale, version) key lets only one of them write this version.
        await db.SaveChangesAsync(ct);
        cache.Invalidate(key, locale);
        return TypedResults.Ok(TemplateResponse.From(edited));
    }

    /// <summary>The token's caller (the column holds 100 characters).</summary>
    private static string ChangedBy(HttpContext http)
    {
        var name = Caller.From(http.User).Name;
        return name.Length > 100 ? name[..100] : name;
    }
}
