using Lishui.Notification.Data;
using Lishui.Notification.Domain.Templates;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.Notification.Features.Templates;

/// <summary>Current wording.</summary>
public static class GetTemplate
{
    // Wording of messages: the town's.
    public static RouteHandlerBuilder MapGetTemplate(this IEndpointRouteBuilder api) =>
        api.MapGet("/templates/{key}/{locale}", CurrentAsync).RequireAccess(NotificationAccess.TownAndAuditors).WithTags("Templates").WithName("GetTemplate").WithSummary("当前消息模板 / Current wording");

    private static async Task<Results<Ok<TemplateResponse>, ProblemHttpResult>> CurrentAsync(string key, string locale, ITemplateLibrary library, CancellationToken ct) =>
        TemplateKind.All.TryGetValue(key, out var kind)
            ? TypedResults.Ok(TemplateResponse.From(await library.CurrentAsync(kind, locale, ct)))
            : Problems.NotFound("消息模板", "template");
}
