using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class Delivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "channels",
                table: "recipient_preferences",
                type: "text[]",
                nullable: false,
                defaultValueSql: "ARRAY['Email']::text[]");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "quiet_hours_end",
                table: "recipient_preferences",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(7, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "quiet_hours_start",
                table: "recipient_preferences",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(22, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "fallback_from",
                table: "notifications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "channel_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dispatch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    notification_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_held_by = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    contact_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dispatch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delivery_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dispatches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    audience = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    audience_organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject_member_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contact_held_by = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    contact_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    values = table.Column<string>(type: "jsonb", nullable: false),
                    name_refs = table.Column<string>(type: "jsonb", nullable: false),
                    urgent = table.Column<bool>(type: "boolean", nullable: false),
                    digestible = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    notification_id = table.Column<Guid>(type: "uuid", nullable: true),
                    combined_into = table.Column<Guid>(type: "uuid", nullable: true),
                    trace_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    delivered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dispatches", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_member_roles",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_member_roles", x => new { x.member_id, x.organisation_id, x.role });
                });

            migrationBuilder.CreateTable(
                name: "local_organisations",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_organisations", x => x.organisation_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_channel_deliveries_dispatch_id_channel",
                table: "channel_deliveries",
                columns: new[] { "dispatch_id", "channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_channel_deliveries_status_next_attempt_at",
                table: "channel_deliveries",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_delivery_log_at",
                table: "delivery_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_delivery_log_dispatch_id",
                table: "delivery_log",
                column: "dispatch_id");

            migrationBuilder.CreateIndex(
                name: "IX_delivery_log_recipient_id_at",
                table: "delivery_log",
                columns: new[] { "recipient_id", "at" });

            migrationBuilder.CreateIndex(
                name: "IX_dispatches_recipient_id_status",
                table: "dispatches",
                columns: new[] { "recipient_id", "status" });

            migrationBuilder.CreateIndex(
                name: "IX_dispatches_source_event_id_kind_audience_recipient_id_audie~",
                table: "dispatches",
                columns: new[] { "source_event_id", "kind", "audience", "recipient_id", "audience_organisation_id", "subject_member_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "IX_dispatches_status_due_at",
                table: "dispatches",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "IX_local_member_roles_organisation_id_role",
                table: "local_member_roles",
                columns: new[] { "organisation_id", "role" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channel_deliveries");

            migrationBuilder.DropTable(
                name: "delivery_log");

            migrationBuilder.DropTable(
                name: "dispatches");

            migrationBuilder.DropTable(
                name: "local_member_roles");

            migrationBuilder.DropTable(
                name: "local_organisations");

            migrationBuilder.DropColumn(
                name: "channels",
                table: "recipient_preferences");

            migrationBuilder.DropColumn(
                name: "quiet_hours_end",
                table: "recipient_preferences");

            migrationBuilder.DropColumn(
                name: "quiet_hours_start",
                table: "recipient_preferences");

            migrationBuilder.DropColumn(
                name: "fallback_from",
                table: "notifications");
        }
    }
}
