using Lishui.Notification;
using Lishui.Notification.Data;
using Lishui.Notification.PublicEvents;
using Lishui.Shared.Hosting;

await ServiceHost.RunAsync<NotificationDbContext>(
    args,
    NotificationDbContext.ConnectionName,
    builder => builder.AddServiceDefaults().AddNotification().AddPublicEvents(),
    app => app.MapDefaultEndpoints().MapNotificationApi().MapPublicEvents(),
    PublicEventsModule.RunMigrationsAsync);
