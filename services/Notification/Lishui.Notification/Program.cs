using Lishui.Notification;
using Lishui.Notification.Data;
using Lishui.Notification.PublicEvents;
using Lishui.Shared.Data;

if (await ServiceDatabase.TryRunMigrationsAsync<NotificationDbContext>(args, NotificationDbContext.ConnectionName))
{
    await PublicEventsModule.RunMigrationsAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotification();
builder.AddPublicEvents();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNotificationApi();
app.MapPublicEvents();
app.Run();
