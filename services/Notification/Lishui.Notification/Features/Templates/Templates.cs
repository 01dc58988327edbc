using Lishui.Notification.Data;
using Lishui.Notification.Domain.Templates;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Templates;

public sealed record TemplateResponse(string Key, string Locale, int Version, string Title, string Body, IReadOnlyCollection<string> Placeholders, string ChangedBy, DateTimeOffset ChangedAt)
{
    public static TemplateResponse From(MessageTemplate t) =>
        new(t.Key, t.Locale, t.Version, t.Title, t.Body, TemplateKind.All[t.Key].Placeholders.Order().ToList(), t.ChangedBy, t.ChangedAt);
}

/// <summary><c>changedBy</c> is accepted for older clients but not used: who changed it is the token's caller.</summary>
public sealed record EditTemplateRequest(string Title, string Body, string? ChangedBy = null) : IValidatableRequest
{
    public IEnumerable<FieldError> Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            yield return new FieldError("title", "field.required", "请填写标题。", "A title is required.");
        }

        if (string.IsNullOrWhiteSpace(Body))
        {
            yield return new FieldError("body", "field.required", "请填写正文。", "A body is required.");
        }
    }
}

/// <summary>
/// Message wording, versioned: an edit adds a version (the old ones stay readable), and the newest
/// version is what the next message uses.
/// </summary>
public static class Templates
{
    public static IEndpointRouteBuilder MapTemplates(this IEndpointRouteBuilder api)
    {
        // Wording of messages: the town's.
        api.MapGet("/templates/{key}/{locale}", CurrentAsync).RequireAccess(NotificationAccess.TownAndAuditors).WithName("GetTemplate").WithSummary("当前消息模板 / Current wording");
        api.MapGet("/templates/{key}/{locale}/versions", VersionsAsync).RequireAccess(NotificationAccess.TownAndAuditors).WithName("ListTemplateVersions").WithSummary("模板历史版本 / Earlier versions");
        api.MapPut("/templates/{key}/{locale}", EditAsync).RequireAccess(NotificationAccess.TownOnly).WithName("EditTemplate").WithSummary("修改消息模板 / Edit the wording")
            .Accepts<EditTemplateRequest>("application/json");
        return api;
    }

    private static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> CurrentAsync(string key, string locale, ITemplateLibrary library, CancellationToken ct) =>
        TemplateKind.All.TryGetValue(key, out var kind)
            ? TypedResults.Ok(TemplateResponse.From(await library.CurrentAsync(kind, locale, ct)))
            : Problems.NotFound("消息模板", "template");

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
