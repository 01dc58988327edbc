using Lishui.Contracts.Public;
using Lishui.Notification.Data;
using Lishui.Notification.PublicEvents.Broker;
using Lishui.Notification.PublicEvents.Catalogue;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Features;
using Lishui.Notification.PublicEvents.Messaging;
using Lishui.Notification.PublicEvents.Replays;
using Lishui.Notification.PublicEvents.Webhooks;
using Lishui.Notification.Security;
using Lishui.Shared.Data;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.PublicEvents;

/// <summary>
/// The open event interface for other government systems: curated, versioned CloudEvents mapped from
/// internal events, published to a topic exchange and to signed webhooks, archived for replay.
/// Lives in Notification (it notifies systems as people are notified) as a module with its own
/// schema, migrations, bus instance and background workers.
/// </summary>
public static class PublicEventsModule
{
    /// <summary>Key of the <see cref="TimeProvider"/> this module uses (tests put a fake clock there).</summary>
    public const string Clock = "public-events";

    public static IHostApplicationBuilder AddPublicEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PublicEventsOptions>(builder.Configuration.GetSection(PublicEventsOptions.Section));
        var connectionString = builder.Configuration.GetConnectionString(NotificationDbContext.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{NotificationDbContext.ConnectionName} is not configured.");

        builder.Services.AddDbContext<PublicEventsDb>((sp, o) => o.UseNpgsql(connectionString)
            .AddInterceptors(new AuditInterceptor(sp.GetRequiredService<IHttpContextAccessor>(), sp.GetService<TimeProvider>() ?? TimeProvider.System), UtcTimestamps.Instance));
        builder.Services.AddKeyedSingleton(Clock, TimeProvider.System);
        builder.Services.AddSingleton<PublicBroker>();
        builder.Services.AddSingleton<RabbitMqManagement>();
        builder.Services.AddSingleton<ArchivePartitions>();
        builder.Services.AddSingleton<CloudEventWriter>();
        builder.Services.AddHostedService<ArchivePartitionMaintainer>();
        builder.Services.AddHostedService<AmqpRelay>();
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddHostedService<ReplayWorker>();
        builder.AddPublicEventsBus(NotificationModule.ServiceName);
        return builder;
    }

    /// <summary>
    /// Under Notification's access policy (after <c>MapNotificationApi</c>, which switches security on).
    /// The module's changes are audited in its own <c>public_events.audit_entries</c>, in the same
    /// transaction as the change, and listed at <c>/public-events/audit-trail</c>.
    /// </summary>
    public static WebApplication MapPublicEvents(this WebApplication app)
    {
        var group = app.MapApi().MapGroup("/public-events").WithTags("PublicEvents");
        group.RequireOwnSubscription();
        group.MapCatalogue();
        group.MapSubscribers();
        group.MapReplays();
        group.MapAuditTrail<PublicEventsDb>().WithName("ListPublicEventsAuditTrail");
        return app;
    }

    /// <summary><c>notification migrate</c> also brings this module's schema up to date (its own history table).</summary>
    public static Task<bool> RunMigrationsAsync(string[] args) =>
        ServiceDatabase.TryRunMigrationsAsync<PublicEventsDb>(args, NotificationDbContext.ConnectionName);

    internal static string Zh(DataClassification classification) => classification switch
    {
        DataClassification.Public => "公开",
        DataClassification.Internal => "内部",
        DataClassification.Confidential => "敏感",
        _ => "受限",
    };
}
