using Lishui.Contracts.Public;
using Lishui.Notification.Data;
using Lishui.Notification.PublicEvents.Broker;
using Lishui.Notification.PublicEvents.Catalogue;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Notification.PublicEvents.Features;
using Lishui.Notification.PublicEvents.Messaging;
using Lishui.Notification.PublicEvents.Replays;
using Lishui.Notification.PublicEvents.Webhooks;
using Lishui.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

        // search_path puts this module's inbox first for the shared idempotent consumer's SQL.
        var own = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = PublicEventsDb.Schema }.ConnectionString;
        builder.Services.AddDbContext<PublicEventsDb>(o => o.UseNpgsql(own));
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

    public static WebApplication MapPublicEvents(this WebApplication app)
    {
        var group = app.MapGroup("/public-events").WithTags("PublicEvents");
        group.MapCatalogue();
        group.MapSubscribers();
        group.MapReplays();
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
