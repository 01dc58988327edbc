using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Inbox;

public sealed record NotificationResponse(
    Guid Id, Guid RecipientId, NotificationKind Kind, string Title, string Body, Guid SourceEventId,
    string? TraceId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt)
{
    public static NotificationResponse From(Domain.Notification n) =>
        new(n.Id, n.RecipientId, n.Kind, n.Title, n.Body, n.SourceEventId, n.TraceId, n.CreatedAt, n.ReadAt);
}

/// <summary>A person's in-app inbox: newest first, page by page; reading marks a message read.</summary>
public static class Inbox
{
    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder api)
    {
        api.MapGet("/members/{memberId:guid}/notifications", ListAsync).WithName("ListInbox").WithSummary("站内消息 / A member's inbox");
        api.MapPost("/notifications/{id:guid}/read", MarkReadAsync).WithName("MarkNotificationRead").WithSummary("标记已读 / Mark read");
        return api;
    }

    private static async Task<Page<NotificationResponse>> ListAsync(
        Guid memberId, NotificationDbContext db, bool? unreadOnly, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size, skip) = Paging.Normalise(page, pageSize);
        var query = db.Notifications.AsNoTracking().Where(n => n.RecipientId == memberId);
        if (unreadOnly == true)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(skip).Take(size).ToListAsync(ct);
        return new Page<NotificationResponse>(items.Select(NotificationResponse.From).ToList(), number, size, total);
    }

    private static async Task<Results<Ok<NotificationResponse>, ProblemHttpResult>> MarkReadAsync(
        Guid id, NotificationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null)
        {
            return Problems.NotFound("消息", "notification");
        }

        notification.MarkRead(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(NotificationResponse.From(notification));
    }
}
