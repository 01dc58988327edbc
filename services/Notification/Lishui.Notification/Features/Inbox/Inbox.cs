using Lishui.Notification.Data;
using Lishui.Notification.Domain;
using Lishui.Notification.Security;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Features.Inbox;

public sealed record NotificationResponse(
    Guid Id, Guid RecipientId, NotificationKind Kind, string Title, string Body, Guid SourceEventId,
    string? TraceId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, string? FallbackFrom)
{
    public static NotificationResponse From(Domain.Notification n) =>
        new(n.Id, n.RecipientId, n.Kind, n.Title, n.Body, n.SourceEventId, n.TraceId, n.CreatedAt, n.ReadAt, n.FallbackFrom);
}

public sealed record UnreadResponse(Guid MemberId, int Unread);

/// <summary>A person's in-app inbox: newest first, page by page; reading marks a message read.</summary>
public static class Inbox
{
    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder api)
    {
        // Inbox and preferences: the member's own, and their organisation's secretaries.
        api.MapGet("/members/{memberId:guid}/notifications", ListAsync).RequireAccess(NotificationAccess.MemberOwned, NotificationAccess.RouteMember).WithName("ListInbox").WithSummary("站内消息 / A member's inbox");
        api.MapGet("/members/{memberId:guid}/notifications/unread", UnreadAsync).RequireAccess(NotificationAccess.MemberOwned, NotificationAccess.RouteMember).WithName("CountUnread").WithSummary("未读数量 / Unread count");
        api.MapPost("/members/{memberId:guid}/notifications/read", MarkAllReadAsync).RequireAccess(NotificationAccess.MemberOwned, NotificationAccess.RouteMember).WithName("MarkAllRead").WithSummary("全部标记已读 / Mark all read");
        api.MapPost("/notifications/{id:guid}/read", MarkReadAsync).RequireAccess(NotificationAccess.MemberOwned, ScopeRef.Route("id", NotificationScopes.Notification)).WithName("MarkNotificationRead").WithSummary("标记已读 / Mark read");
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

    private static async Task<UnreadResponse> UnreadAsync(Guid memberId, NotificationDbContext db, CancellationToken ct) =>
        new(memberId, await db.Notifications.CountAsync(n => n.RecipientId == memberId && n.ReadAt == null, ct));

    private static async Task<UnreadResponse> MarkAllReadAsync(Guid memberId, HttpContext http, NotificationDbContext db, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var marked = await db.Notifications.Where(n => n.RecipientId == memberId && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (marked > 0)
        {
            // One statement for the whole inbox, unseen by the change tracker: the audit entry is asked for.
            http.AuditWithoutTrackedChanges();
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
        return new UnreadResponse(memberId, 0);
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
