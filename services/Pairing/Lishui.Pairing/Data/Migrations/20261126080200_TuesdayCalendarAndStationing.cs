using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Pairing.Data.Migrations
{
    /// <inheritdoc />
    public partial class TuesdayCalendarAndStationing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "study_duration_minutes",
                table: "organisation_pairings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "study_from",
                table: "organisation_pairings",
                type: "date",
                nullable: true);

            // Groups that set a time and place before the calendar existed: it starts with this week.
            migrationBuilder.Sql("""
                UPDATE organisation_pairings
                SET study_from = GREATEST(starts_on, (now() AT TIME ZONE 'Asia/Shanghai')::date), study_duration_minutes = 120
                WHERE study_time IS NOT NULL AND study_from IS NULL;
                """);

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
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "resident_contact_reads");

            migrationBuilder.DropTable(
                name: "resident_request_contacts");

            migrationBuilder.DropTable(
                name: "resident_request_counters");

            migrationBuilder.DropTable(
                name: "scheduled_study_sessions");

            migrationBuilder.DropTable(
                name: "stationing_schedules");

            migrationBuilder.DropTable(
                name: "stationing_visits");

            migrationBuilder.DropTable(
                name: "resident_requests");

            migrationBuilder.DropColumn(
                name: "study_duration_minutes",
                table: "organisation_pairings");

            migrationBuilder.DropColumn(
                name: "study_from",
                table: "organisation_pairings");
        }
    }
}
