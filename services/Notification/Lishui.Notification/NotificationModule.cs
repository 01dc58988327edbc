using Lishui.Notification.Data;
using Lishui.Notification.Domain.Templates;
using Lishui.Notification.Features.Inbox;
using Lishui.Notification.Features.Preferences;
using Lishui.Notification.Features.Templates;
using Lishui.Notification.Messaging;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Web;

namespace Lishui.Notification;

public static class NotificationModule
{
    public const string ServiceName = "notification";

    public static IHostApplicationBuilder AddNotification(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformWeb();
        builder.AddServiceDatabase<NotificationDbContext>(NotificationDbContext.ConnectionName);
        builder.Services.AddScoped<ITemplateLibrary, TemplateLibrary>();
        builder.AddPlatformMessaging<NotificationDbContext>(ServiceName, bus => bus.AddConsumer<MemberRegisteredConsumer>(), withLocalMemberView: true);
        return builder;
    }

    public static WebApplication MapNotificationApi(this WebApplication app)
    {
        app.UsePlatformWeb();
        app.MapInbox();
        app.MapTemplates();
        app.MapPreferences();
        app.MapLocalMembers<NotificationDbContext>();
        return app;
    }
}
