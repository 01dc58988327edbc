using Lishui.Notification;
using Lishui.Notification.Data;
using Lishui.Shared.Data;

if (await ServiceDatabase.TryRunMigrationsAsync<NotificationDbContext>(args, NotificationDbContext.ConnectionName))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotification();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapNotificationApi();
app.Run();
