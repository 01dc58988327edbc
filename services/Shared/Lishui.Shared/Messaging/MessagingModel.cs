using Lishui.Shared.Web;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

public static class MessagingModel
{
    public const string OutboxTable = "outbox_messages";
    public const string InboxTable = "inbox_messages";

    /// <summary>
    /// The NOTIFY channel the outbox trigger signals on commit, so the relay wakes at once
    /// instead of waiting for its next poll.
    /// </summary>
    public const string OutboxChannel = "lishui_outbox";

    /// <summary>Maps the outbox, inbox and idempotency tables into a service's own schema.</summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable(OutboxTable);
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(x => x.EventId).HasColumnName("event_id");
            e.Property(x => x.MessageUrn).HasColumnName("message_urn").HasMaxLength(200);
            e.Property(x => x.Payload).HasColumnName("payload").HasColumnType("jsonb");
            e.Property(x => x.AggregateId).HasColumnName("aggregate_id");
            e.Property(x => x.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.Property(x => x.LastError).HasColumnName("last_error");
            e.HasIndex(x => x.EventId).IsUnique();
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable(InboxTable);
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
        return model;
    }

    /// <summary>
    /// SQL for a migration: a statement-level trigger that NOTIFYs the relay. NOTIFY is
    /// transactional, so the relay is only woken for committed rows.
    /// </summary>
    public const string CreateOutboxNotifyTriggerSql = $"""
        CREATE OR REPLACE FUNCTION lishui_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('{OutboxChannel}', '');
          RETURN NULL;
        END $$;
        DROP TRIGGER IF EXISTS outbox_messages_notify ON {OutboxTable};
        CREATE TRIGGER outbox_messages_notify AFTER INSERT ON {OutboxTable}
          FOR EACH STATEMENT EXECUTE FUNCTION lishui_outbox_notify();
        """;

    public const string DropOutboxNotifyTriggerSql = $"""
        DROP TRIGGER IF EXISTS outbox_messages_notify ON {OutboxTable};
        DROP FUNCTION IF EXISTS lishui_outbox_notify();
        """;
}
