using System.Collections.Concurrent;
using Lishui.Shared.Data.Configurations;
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
    public static ModelBuilder AddMessagingTables(this ModelBuilder model) => model
        .ApplyConfiguration(new OutboxMessageConfiguration())
        .ApplyConfiguration(new InboxMessageConfiguration())
        .ApplyConfiguration(new IdempotencyRecordConfiguration());

    private static readonly ConcurrentDictionary<Type, string> InboxTables = new();

    /// <summary>
    /// Claims one event for a consumer ({0} event id, {1} consumer); 0 rows when it was applied before.
    /// The table as the context maps it: a module with a schema of its own (PublicEvents) claims its
    /// rows there, whatever the connection's search_path.
    /// </summary>
    public static string ClaimEventSql(DbContext db) =>
        "INSERT INTO " + InboxTableOf(db) + " (message_id, consumer, processed_at) VALUES ({0}, {1}, now()) ON CONFLICT DO NOTHING";

    /// <summary>Claims a batch ({0} consumer, {1} event ids in key order); returns the ids not applied before.</summary>
    public static string ClaimEventsSql(DbContext db) =>
        "INSERT INTO " + InboxTableOf(db) + """
         (message_id, consumer, processed_at)
        SELECT id, {0}, now() FROM unnest({1}) WITH ORDINALITY AS claim(id, n) ORDER BY n
        ON CONFLICT DO NOTHING
        RETURNING message_id AS "Value"
        """;

    private static string InboxTableOf(DbContext db) => InboxTables.GetOrAdd(db.GetType(), _ =>
    {
        var entity = db.Model.FindEntityType(typeof(InboxMessage))
            ?? throw new InvalidOperationException($"{db.GetType().Name} does not map the inbox (AddMessagingTables or InboxMessageConfiguration).");
        var table = $"\"{entity.GetTableName()}\"";
        return entity.GetSchema() is { } schema ? $"\"{schema}\".{table}" : table;
    });

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
