using Lishui.Notification.PublicEvents.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lishui.Notification.PublicEvents.Data;

/// <summary>
/// The open event interface's own tables, in schema <c>public_events</c> of the notification database,
/// with its own migrations and history table: it never shares a migration with the rest of Notification.
/// The archive is a partitioned table created by SQL in the migrations (EF cannot declare partitioning).
/// </summary>
public sealed class PublicEventsDb(DbContextOptions<PublicEventsDb> options) : DbContext(options)
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

    protected override void OnConfiguring(DbContextOptionsBuilder options) =>
        options.UseNpgsql(o => o.MigrationsHistoryTable(HistoryTable, Schema));

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.HasDefaultSchema(Schema);
        model.AddAuditTable();
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable(MessagingModel.InboxTable);
            e.HasKey(x => new { x.MessageId, x.Consumer });
            e.Property(x => x.MessageId).HasColumnName("message_id");
            e.Property(x => x.Consumer).HasColumnName("consumer").HasMaxLength(200);
            e.Property(x => x.ProcessedAt).HasColumnName("processed_at");
        });
        model.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(x => new { x.Scope, x.Key });
            e.Property(x => x.Scope).HasColumnName("scope").HasMaxLength(100);
            e.Property(x => x.Key).HasColumnName("key").HasMaxLength(200);
            e.Property(x => x.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
            e.Property(x => x.StatusCode).HasColumnName("status_code");
            e.Property(x => x.Location).HasColumnName("location").HasMaxLength(500);
            e.Property(x => x.ResponseBody).HasColumnName("response_body").HasColumnType("jsonb");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
        });
        model.Entity<Subscriber>(e =>
        {
            e.ToTable("subscribers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(40);
            e.HasIndex(x => x.Name).IsUnique();
            e.Property(x => x.Contact).HasColumnName("contact").HasMaxLength(200);
            e.Property(x => x.ClientId).HasColumnName("client_id").HasMaxLength(200);
            e.HasIndex(x => x.ClientId).IsUnique().HasFilter("client_id IS NOT NULL");
            e.Property(x => x.Delivery).HasColumnName("delivery").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Clearance).HasColumnName("clearance").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.AllowedTypes).HasColumnName("allowed_types");
            e.Property(x => x.WebhookUrl).HasColumnName("webhook_url").HasMaxLength(2000);
            e.Property(x => x.WebhookSecret).HasColumnName("webhook_secret").HasMaxLength(100);
            e.Property(x => x.AmqpUser).HasColumnName("amqp_user").HasMaxLength(100);
            e.Property(x => x.AmqpQueue).HasColumnName("amqp_queue").HasMaxLength(200);
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SuspendedAt).HasColumnName("suspended_at");
            e.Property(x => x.SuspensionReason).HasColumnName("suspension_reason").HasMaxLength(1000);
            e.Property(x => x.RegisteredBy).HasColumnName("registered_by").HasMaxLength(100);
            e.Property(x => x.RegisteredAt).HasColumnName("registered_at");
            e.Property(x => x.ChangedBy).HasColumnName("changed_by").HasMaxLength(100);
            e.Property(x => x.ChangedAt).HasColumnName("changed_at");
        });
        model.Entity<SubscriberNotice>(e =>
        {
            e.ToTable("subscriber_notices");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.SubscriberId).HasColumnName("subscriber_id");
            e.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(50);
            e.Property(x => x.MessageZh).HasColumnName("message_zh").HasMaxLength(2000);
            e.Property(x => x.MessageEn).HasColumnName("message_en").HasMaxLength(2000);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.HasIndex(x => new { x.SubscriberId, x.CreatedAt });
        });
        model.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(x => x.SubscriberId).HasColumnName("subscriber_id");
            e.Property(x => x.EventId).HasColumnName("event_id");
            e.Property(x => x.Type).HasColumnName("type").HasMaxLength(200);
            e.Property(x => x.Payload).HasColumnName("payload");
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(x => x.LockedUntil).HasColumnName("locked_until");
            e.Property(x => x.LastStatusCode).HasColumnName("last_status_code");
            e.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(2000);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.DeliveredAt).HasColumnName("delivered_at");
            e.Property(x => x.ReplayId).HasColumnName("replay_id");
            e.HasIndex(x => x.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_webhook_deliveries_due");
            e.HasIndex(x => new { x.SubscriberId, x.Id });
        });
        model.Entity<DeliveryAttempt>(e =>
        {
            e.ToTable("delivery_attempts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(x => x.DeliveryId).HasColumnName("delivery_id");
            e.Property(x => x.SubscriberId).HasColumnName("subscriber_id");
            e.Property(x => x.EventId).HasColumnName("event_id");
            e.Property(x => x.Attempt).HasColumnName("attempt");
            e.Property(x => x.AttemptedAt).HasColumnName("attempted_at");
            e.Property(x => x.StatusCode).HasColumnName("status_code");
            e.Property(x => x.Error).HasColumnName("error").HasMaxLength(2000);
            e.Property(x => x.DurationMs).HasColumnName("duration_ms");
            e.HasIndex(x => new { x.SubscriberId, x.Id });
        });
        model.Entity<AmqpOutboxEntry>(e =>
        {
            e.ToTable("amqp_outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(x => x.EventId).HasColumnName("event_id");
            e.Property(x => x.Type).HasColumnName("type").HasMaxLength(200);
            e.Property(x => x.Payload).HasColumnName("payload");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(2000);
        });
        model.Entity<ArchivedEvent>(e =>
        {
            // Created by SQL in the migration: PARTITION BY RANGE (time), one partition a month.
            e.ToTable("archive", t => t.ExcludeFromMigrations());
            e.HasKey(x => new { x.Time, x.Seq });
            e.Property(x => x.Seq).HasColumnName("seq").ValueGeneratedOnAdd();
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Type).HasColumnName("type");
            e.Property(x => x.Source).HasColumnName("source");
            e.Property(x => x.Subject).HasColumnName("subject");
            e.Property(x => x.Time).HasColumnName("time");
            e.Property(x => x.Classification).HasColumnName("classification");
            e.Property(x => x.SourceEventId).HasColumnName("source_event_id");
            e.Property(x => x.Payload).HasColumnName("payload");
            e.Property(x => x.ArchivedAt).HasColumnName("archived_at");
        });
        model.Entity<Replay>(e =>
        {
            e.ToTable("replays");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.SubscriberId).HasColumnName("subscriber_id");
            e.Property(x => x.From).HasColumnName("from_time");
            e.Property(x => x.To).HasColumnName("to_time");
            e.Property(x => x.Types).HasColumnName("types");
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Total).HasColumnName("total");
            e.Property(x => x.Processed).HasColumnName("processed");
            e.Property(x => x.CursorTime).HasColumnName("cursor_time");
            e.Property(x => x.CursorSeq).HasColumnName("cursor_seq");
            e.Property(x => x.LockedUntil).HasColumnName("locked_until");
            e.Property(x => x.RequestedBy).HasColumnName("requested_by").HasMaxLength(100);
            e.Property(x => x.RequestedAt).HasColumnName("requested_at");
            e.Property(x => x.StartedAt).HasColumnName("started_at");
            e.Property(x => x.CompletedAt).HasColumnName("completed_at");
            e.Property(x => x.Error).HasColumnName("error").HasMaxLength(2000);
            e.HasIndex(x => new { x.SubscriberId, x.RequestedAt });
        });
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

/// <summary>For <c>dotnet ef migrations add -c PublicEventsDb</c>: the tools need no running service.</summary>
public sealed class PublicEventsDbDesignFactory : IDesignTimeDbContextFactory<PublicEventsDb>
{
    public PublicEventsDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PublicEventsDb>().UseNpgsql("Host=localhost;Database=notification_design").Options);
}
