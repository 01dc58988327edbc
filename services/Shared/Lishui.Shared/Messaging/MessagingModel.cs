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
