using System;
using System.Collections.Generic;
using Lishui.Notification.PublicEvents.Data;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lishui.Notification.PublicEvents.Migrations
{
    /// <inheritdoc />
    public partial class PublicEventsInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "public_events");

            migrationBuilder.CreateTable(
                name: "amqp_outbox",
                schema: "public_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_amqp_outbox", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                schema: "public_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    actor_roles = table.Column<string[]>(type: "text[]", nullable: false),
                    actor_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    method = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    route = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    remote_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    trace_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    event_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    event_types = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_attempts",
                schema: "public_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    delivery_id = table.Column<long>(type: "bigint", nullable: false),
                    subscriber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    attempted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    duration_ms = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delivery_attempts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
                schema: "public_events",
                columns: table => new
                {
                    scope = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: false),
                    location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    response_body = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_records", x => new { x.scope, x.key });
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "public_events",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "replays",
                schema: "public_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscriber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    to_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    types = table.Column<List<string>>(type: "text[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    processed = table.Column<long>(type: "bigint", nullable: false),
                    cursor_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cursor_seq = table.Column<long>(type: "bigint", nullable: true),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_replays", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscriber_notices",
                schema: "public_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscriber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    message_zh = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    message_en = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscriber_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscribers",
                schema: "public_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    contact = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    client_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    delivery = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    clearance = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    allowed_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    webhook_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    webhook_secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    amqp_user = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    amqp_queue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    suspended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    suspension_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    registered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscribers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                schema: "public_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    subscriber_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_status_code = table.Column<int>(type: "integer", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    replay_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_actor",
                schema: "public_events",
                table: "audit_entries",
                column: "actor");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_occurred_at",
                schema: "public_events",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "IX_delivery_attempts_subscriber_id_id",
                schema: "public_events",
                table: "delivery_attempts",
                columns: new[] { "subscriber_id", "id" });

            migrationBuilder.CreateIndex(
                name: "IX_replays_subscriber_id_requested_at",
                schema: "public_events",
                table: "replays",
                columns: new[] { "subscriber_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "IX_subscriber_notices_subscriber_id_created_at",
                schema: "public_events",
                table: "subscriber_notices",
                columns: new[] { "subscriber_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_client_id",
                schema: "public_events",
                table: "subscribers",
                column: "client_id",
                unique: true,
                filter: "client_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_name",
                schema: "public_events",
                table: "subscribers",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_due",
                schema: "public_events",
                table: "webhook_deliveries",
                column: "next_attempt_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_subscriber_id_id",
                schema: "public_events",
                table: "webhook_deliveries",
                columns: new[] { "subscriber_id", "id" });

            // The archive: append-only, partitioned by month on the event time (EF cannot declare partitioning).
            migrationBuilder.Sql("""
                CREATE TABLE public_events.archive (
                  seq bigserial NOT NULL,
                  id uuid NOT NULL,
                  type text NOT NULL,
                  source text NOT NULL,
                  subject text NOT NULL,
                  time timestamptz NOT NULL,
                  classification text NOT NULL,
                  source_event_id uuid NOT NULL,
                  payload text NOT NULL,
                  archived_at timestamptz NOT NULL DEFAULT now(),
                  PRIMARY KEY (time, seq)
                ) PARTITION BY RANGE (time);
                CREATE UNIQUE INDEX ix_archive_id ON public_events.archive (id, time);
                CREATE INDEX ix_archive_type_time ON public_events.archive (type, time);
                CREATE INDEX ix_archive_source_event ON public_events.archive (source_event_id);

                CREATE FUNCTION public_events.archive_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'public_events.archive is append-only (% refused)', TG_OP;
                END $$;
                CREATE TRIGGER archive_append_only BEFORE UPDATE OR DELETE ON public_events.archive
                  FOR EACH ROW EXECUTE FUNCTION public_events.archive_append_only();
                CREATE TRIGGER archive_no_truncate BEFORE TRUNCATE ON public_events.archive
                  FOR EACH STATEMENT EXECUTE FUNCTION public_events.archive_append_only();

                -- The month's partition of a time (UTC months), created when missing; safe to call concurrently.
                CREATE FUNCTION public_events.ensure_archive_partition(at timestamptz) RETURNS text LANGUAGE plpgsql AS $$
                DECLARE
                  month_start timestamptz := date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
                  name text := 'archive_' || to_char(at AT TIME ZONE 'UTC', 'YYYY_MM');
                BEGIN
                  IF to_regclass('public_events.' || quote_ident(name)) IS NULL THEN
                    BEGIN
                      EXECUTE format('CREATE TABLE IF NOT EXISTS public_events.%I PARTITION OF public_events.archive FOR VALUES FROM (%L) TO (%L)',
                        name, month_start, month_start + interval '1 month');
                    EXCEPTION WHEN duplicate_table OR unique_violation THEN
                      NULL; -- another transaction made it first
                    END;
                  END IF;
                  RETURN name;
                END $$;
                SELECT public_events.ensure_archive_partition(now() + make_interval(months => m)) FROM generate_series(0, 3) AS m;
                """);

            // Audit entries are append-only; the shared SQL names the table unqualified, this module's is in its own schema.
            migrationBuilder.Sql(AuditTrail.AppendOnlySql.Replace($" ON {AuditTrail.Table}", $" ON {PublicEventsDb.Schema}.{AuditTrail.Table}", StringComparison.Ordinal));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TABLE public_events.archive;
                DROP FUNCTION public_events.ensure_archive_partition(timestamptz);
                DROP FUNCTION public_events.archive_append_only();
                """);

            migrationBuilder.DropTable(
                name: "amqp_outbox",
                schema: "public_events");

            migrationBuilder.DropTable(
                name: "audit_entries",
                schema: "public_events");

            migrationBuilder.DropTable(
                name: "delivery_attempts",
                schema: "public_events");

            migrationBuilder.DropTable(
                name: "idempotency_records",
                schema: "public_events");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "public_events");

            migrationBuilder.DropTable(
                name: "replays",
                schema: "public_events");

            migrationBuilder.DropTable(
                name: "subscriber_notices",
                schema: "public_events");

            migrationBuilder.DropTable(
                name: "subscribers",
                schema: "public_events");

            migrationBuilder.DropTable(
                name: "webhook_deliveries",
                schema: "public_events");
        }
    }
}
