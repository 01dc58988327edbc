using Lishui.Notification.Domain;
using Lishui.Shared.Web;

namespace Lishui.Notification.Features.Inbox;

public sealed record NotificationResponse(
    Guid Id, Guid RecipientId, NotificationKind Kind, string Title, string Body, Guid SourceEventId,
    string? TraceId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, string? FallbackFrom)
{
    public static NotificationResponse From(Domain.Notification n) =>
        new(n.Id, n.RecipientId, n.Kind, n.Title, n.Body, n.SourceEventId, n.TraceId, n.CreatedAt, n.ReadAt, n.FallbackFrom);
}

public sealed record UnreadResponse(Guid MemberId, int Unread);
