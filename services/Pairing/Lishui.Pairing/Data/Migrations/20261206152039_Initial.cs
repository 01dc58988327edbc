using System;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lishui.Pairing.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
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
                name: "contact_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_pair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contacted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    logged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "idempotency_records",
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
                name: "local_members",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    organisation_sequence = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_members", x => x.member_id);
                });

            migrationBuilder.CreateTable(
                name: "local_organisations",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    economic_cooperative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    closed = table.Column<bool>(type: "boolean", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_organisations", x => x.organisation_id);
                });

            migrationBuilder.CreateTable(
                name: "member_pairs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pairing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pinned = table.Column<bool>(type: "boolean", nullable: false),
                    since = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    last_contacted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    overdue_notified_for = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_pairs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisation_pairings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    contact_every_days = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    list_revision = table.Column<int>(type: "integer", nullable: false),
                    study_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    study_place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    study_duration_minutes = table.Column<int>(type: "integer", nullable: true),
                    study_from = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_pairings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_urn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    aggregate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pairing_pins",
                columns: table => new
                {
                    pairing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_member_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pairing_pins", x => new { x.pairing_id, x.village_member_id });
                });

            migrationBuilder.CreateTable(
                name: "party_mass_discussion_attendance",
                columns: table => new
                {
                    discussion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_mass_discussion_attendance", x => new { x.discussion_id, x.member_id });
                });

            migrationBuilder.CreateTable(
                name: "party_mass_discussions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    service_position_id = table.Column<Guid>(type: "uuid", nullable: true),
                    minutes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_party_mass_discussions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resident_contact_reads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    contact_held = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_contact_reads", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resident_request_counters",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_request_counters", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "resident_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    stationing_visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stationed_leader_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    raised_on = table.Column<DateOnly>(type: "date", nullable: false),
                    raised_by_household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    raised_by_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    contact_held = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_study_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pairing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_of = table.Column<DateOnly>(type: "date", nullable: false),
                    on_date = table.Column<DateOnly>(type: "date", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    skipped = table.Column<bool>(type: "boolean", nullable: false),
                    moved = table.Column<bool>(type: "boolean", nullable: false),
                    change_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    changed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    held_session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    evening_reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hour_reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_study_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_positions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    removed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_positions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stationing_schedules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    leader_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    end_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    service_position_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stationing_schedules", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stationing_visits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    schedule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    leader_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on_date = table.Column<DateOnly>(type: "date", nullable: false),
                    starts_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    service_position_id = table.Column<Guid>(type: "uuid", nullable: true),
                    held_on = table.Column<DateOnly>(type: "date", nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    evening_reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hour_reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stationing_visits", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "study_attendance",
                columns: table => new
                {
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_study_attendance", x => new { x.session_id, x.member_id });
                });

            migrationBuilder.CreateTable(
                name: "study_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pairing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    material = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    moved_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    service_position_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_study_sessions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resident_request_contacts",
                columns: table => new
                {
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_request_contacts", x => x.request_id);
                    table.ForeignKey(
                        name: "FK_resident_request_contacts_resident_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "resident_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_actor",
                table: "audit_entries",
                column: "actor");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_occurred_at",
                table: "audit_entries",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "IX_contact_logs_member_pair_id_contacted_on",
                table: "contact_logs",
                columns: new[] { "member_pair_id", "contacted_on" });

            migrationBuilder.CreateIndex(
                name: "IX_local_members_organisation_id",
                table: "local_members",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_local_organisations_parent_id",
                table: "local_organisations",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_member_pairs_organ_member_id",
                table: "member_pairs",
                column: "organ_member_id");

            migrationBuilder.CreateIndex(
                name: "IX_member_pairs_pairing_id_ended_on",
                table: "member_pairs",
                columns: new[] { "pairing_id", "ended_on" });

            migrationBuilder.CreateIndex(
                name: "IX_member_pairs_village_member_id",
                table: "member_pairs",
                column: "village_member_id");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_pairings_organ_branch_id_village_committee_id",
                table: "organisation_pairings",
                columns: new[] { "organ_branch_id", "village_committee_id" });

            migrationBuilder.CreateIndex(
                name: "IX_organisation_pairings_village_committee_id",
                table: "organisation_pairings",
                column: "village_committee_id");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_event_id",
                table: "outbox_messages",
                column: "event_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_party_mass_discussion_attendance_member_id",
                table: "party_mass_discussion_attendance",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "IX_party_mass_discussions_group_id_month",
                table: "party_mass_discussions",
                columns: new[] { "group_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resident_contact_reads_request_id_read_at",
                table: "resident_contact_reads",
                columns: new[] { "request_id", "read_at" });

            migrationBuilder.CreateIndex(
                name: "IX_resident_requests_reference_number",
                table: "resident_requests",
                column: "reference_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resident_requests_stationing_visit_id",
                table: "resident_requests",
                column: "stationing_visit_id");

            migrationBuilder.CreateIndex(
                name: "IX_resident_requests_village_committee_id_raised_on",
                table: "resident_requests",
                columns: new[] { "village_committee_id", "raised_on" });

            migrationBuilder.CreateIndex(
                name: "IX_resident_requests_year_number",
                table: "resident_requests",
                columns: new[] { "year", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_study_sessions_on_date",
                table: "scheduled_study_sessions",
                column: "on_date");

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_study_sessions_pairing_id_week_of",
                table: "scheduled_study_sessions",
                columns: new[] { "pairing_id", "week_of" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_study_sessions_starts_at",
                table: "scheduled_study_sessions",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "IX_service_positions_organisation_id",
                table: "service_positions",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_service_positions_organisation_id_name",
                table: "service_positions",
                columns: new[] { "organisation_id", "name" },
                unique: true,
                filter: "removed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_stationing_schedules_leader_member_id",
                table: "stationing_schedules",
                column: "leader_member_id");

            migrationBuilder.CreateIndex(
                name: "IX_stationing_schedules_village_committee_id",
                table: "stationing_schedules",
                column: "village_committee_id");

            migrationBuilder.CreateIndex(
                name: "IX_stationing_visits_on_date",
                table: "stationing_visits",
                column: "on_date");

            migrationBuilder.CreateIndex(
                name: "IX_stationing_visits_schedule_id_on_date",
                table: "stationing_visits",
                columns: new[] { "schedule_id", "on_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stationing_visits_starts_at",
                table: "stationing_visits",
                column: "starts_at");

            migrationBuilder.CreateIndex(
                name: "IX_study_attendance_member_id",
                table: "study_attendance",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "IX_study_sessions_pairing_id_held_on",
                table: "study_sessions",
                columns: new[] { "pairing_id", "held_on" },
                unique: true);

            // The relay is woken by NOTIFY when outbox rows commit.
            migrationBuilder.Sql(MessagingModel.CreateOutboxNotifyTriggerSql);
            // Audit entries are append-only: the database refuses UPDATE and DELETE.
            migrationBuilder.Sql(AuditTrail.AppendOnlySql);
            // Overlapping pairings of the same two organisations are refused by the handler; this
            // constraint makes a concurrent pair of requests unable to slip past it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE organisation_pairings ADD CONSTRAINT ex_organisation_pairings_no_overlap
                  EXCLUDE USING gist (organ_branch_id WITH =, village_committee_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&);
                """);

            // Defaults the step-by-step migrations gave columns added to tables that had rows. EF always
            // writes these columns and no SQL of ours leaves them out; kept so the squash changes no schema.
            migrationBuilder.Sql("""
                ALTER TABLE local_members ALTER COLUMN organisation_sequence SET DEFAULT 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE organisation_pairings DROP CONSTRAINT IF EXISTS ex_organisation_pairings_no_overlap;");
            migrationBuilder.Sql(MessagingModel.DropOutboxNotifyTriggerSql);
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS lishui_audit_append_only() CASCADE;");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "contact_logs");

            migrationBuilder.DropTable(
                name: "idempotency_records");

            migrationBuilder.DropTable(
                name: "inbox_messages");

            migrationBuilder.DropTable(
                name: "local_members");

            migrationBuilder.DropTable(
                name: "local_organisations");

            migrationBuilder.DropTable(
                name: "member_pairs");

            migrationBuilder.DropTable(
                name: "organisation_pairings");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "pairing_pins");

            migrationBuilder.DropTable(
                name: "party_mass_discussion_attendance");

            migrationBuilder.DropTable(
                name: "party_mass_discussions");

            migrationBuilder.DropTable(
                name: "resident_contact_reads");

            migrationBuilder.DropTable(
                name: "resident_request_contacts");

            migrationBuilder.DropTable(
                name: "resident_request_counters");

            migrationBuilder.DropTable(
                name: "scheduled_study_sessions");

            migrationBuilder.DropTable(
                name: "service_positions");

            migrationBuilder.DropTable(
                name: "stationing_schedules");

            migrationBuilder.DropTable(
                name: "stationing_visits");

            migrationBuilder.DropTable(
                name: "study_attendance");

            migrationBuilder.DropTable(
                name: "study_sessions");

            migrationBuilder.DropTable(
                name: "resident_requests");
        }
    }
}
