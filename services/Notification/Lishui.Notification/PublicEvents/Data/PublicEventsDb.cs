using Lishui.Notification.PublicEvents.Domain;
using Lishui.Shared.Data;
using Lishui.Shared.Data.Configurations;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.PublicEvents.Data;

/// <summary>
/// The open event interface's own tables, in schema <c>public_events</c> of the notification database,
/// with its own migrations and history table: it never shares a migration with the rest of Notification.
/// The archive is a partitioned table created by SQL in the migrations (EF cannot declare partitioning).
/// </summary>
public sealed class PublicEventsDb(DbContextOptions<PublicEventsDb> options) : ServiceDbContext(options)
{
    public const string Schema = "public_events";
    public const string HistoryTable = "__EFMigrationsHistory";

    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    public DbSet<SubscriberNotice> Notices => Set<SubscriberNotice>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();

    public DbSet<AmqpOutboxEntry> AmqpOutbox => Set<AmqpOutboxEntry>();

    public DbSet<ArchivedEvent> Archive => Set<ArchivedEvent>();

    public DbSet<Replay> Replays => Set<Replay>();

    protected override void OnConfiguring(DbContextOptionsBuilder options)
    {
        base.OnConfiguring(options);
        options.UseNpgsql(o => o.MigrationsHistoryTable(HistoryTable, Schema));
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(Schema);
        model.AddAuditTable();
        model.ApplyConfiguration(new InboxMessageConfiguration()).ApplyConfiguration(new IdempotencyRecordConfiguration());
        base.OnModelCreating(model);
    }
}

/// <summary>A CloudEvent waiting to be published to the public exchange (written with its archive row).</summary>
public sealed class AmqpOutboxEntry
{
    public long Id { get; private set; }

    public Guid EventId { get; init; }

    public required string Type { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}

/// <summary>A row of the append-only archive: the structured CloudEvent exactly as published.</summary>
public sealed class ArchivedEvent
{
    public long Seq { get; private set; }

    public Guid Id { get; init; }

    public required string Type { get; init; }

    public required string Source { get; init; }

    public required string Subject { get; init; }

    public DateTimeOffset Time { get; init; }

    public required string Classification { get; init; }

    public Guid SourceEventId { get; init; }

    public required string Payload { get; init; }

    public DateTimeOffset ArchivedAt { get; init; }
}

internal sealed class PublicEventsDbDesignFactory : DesignTimeFactory<PublicEventsDb>;
