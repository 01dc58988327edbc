namespace Lishui.Notification.Features.Inbox;

/// <summary>A person's in-app inbox: newest first, page by page; reading marks a message read.</summary>
public static class Inbox
{
    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder api)
    {
        api.MapListInbox();
        api.MapCountUnread();
        api.MapMarkAllRead();
        api.MapMarkNotificationRead();
        return api;
    }
}
