using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lishui.PracticalProjects.Data.Migrations
{
    /// <inheritdoc />
    public partial class RequestsEchoWallGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<Guid>>(
                name: "origin_request_ids",
                table: "projects",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<int>(
                name: "overdue_period_reported",
                table: "projects",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "responsible_cadre_member_id",
                table: "projects",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "village",
                table: "projects",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contact_access_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "echo_posts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    display_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    posted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    hidden = table.Column<bool>(type: "boolean", nullable: false),
                    linked_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    linked_project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_echo_posts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "project_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    funding_source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    granted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    granted_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    override_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_grants", x => x.id);
                    table.ForeignKey(
                        name: "FK_project_grants_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_milestones",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    planned_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reached_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_milestones", x => x.id);
                    table.ForeignKey(
                        name: "FK_project_milestones_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_progress_reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    from_progress = table.Column<int>(type: "integer", nullable: false),
                    to_progress = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    reported_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_progress_reports", x => x.id);
                    table.ForeignKey(
                        name: "FK_project_progress_reports_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_updates",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_updates", x => x.id);
                    table.ForeignKey(
                        name: "FK_project_updates_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_counters", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "requester_contacts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    echo_post_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requester_contacts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "resident_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    reference_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    pairing_request_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stationing_visit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    echo_post_id = table.Column<Guid>(type: "uuid", nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    raised_by_household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    contact_held_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    answered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    merged_into = table.Column<Guid>(type: "uuid", nullable: true),
                    project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    overdue_period_reported = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "satisfaction_ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    household_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_satisfaction_ratings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "echo_answers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    answered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_echo_answers", x => x.id);
                    table.ForeignKey(
                        name: "FK_echo_answers_echo_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "echo_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "echo_moderation",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    hidden = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    moderated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    post_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_echo_moderation", x => x.id);
                    table.ForeignKey(
                        name: "FK_echo_moderation_echo_posts_post_id",
                        column: x => x.post_id,
                        principalTable: "echo_posts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resident_request_status_changes",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    from_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    to_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resident_request_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "FK_resident_request_status_changes_resident_requests_request_id",
                        column: x => x.request_id,
                        principalTable: "resident_requests",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_projects_responsible_organisation_id",
                table: "projects",
                column: "responsible_organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_projects_village",
                table: "projects",
                column: "village");

            migrationBuilder.CreateIndex(
                name: "IX_contact_access_log_request_id",
                table: "contact_access_log",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "IX_echo_answers_post_id",
                table: "echo_answers",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "IX_echo_moderation_post_id",
                table: "echo_moderation",
                column: "post_id");

            migrationBuilder.CreateIndex(
                name: "IX_echo_posts_hidden_posted_at",
                table: "echo_posts",
                columns: new[] { "hidden", "posted_at" });

            migrationBuilder.CreateIndex(
                name: "IX_project_grants_project_id",
                table: "project_grants",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "IX_project_milestones_project_id",
                table: "project_milestones",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "IX_project_progress_reports_project_id",
                table: "project_progress_reports",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "IX_project_updates_project_id",
                table: "project_updates",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "IX_requester_contacts_echo_post_id",
                table: "requester_contacts",
                column: "echo_post_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_requester_contacts_request_id",
                table: "requester_contacts",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resident_request_status_changes_request_id",
                table: "resident_request_status_changes",
                column: "request_id");

            migrationBuilder.CreateIndex(
                name: "IX_resident_requests_pairing_request_id",
                table: "resident_requests",
                column: "pairing_request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resident_requests_reference_number",
                table: "resident_requests",
                column: "reference_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resident_requests_status_received_on",
                table: "resident_requests",
                columns: new[] { "status", "received_on" });

            migrationBuilder.CreateIndex(
                name: "IX_satisfaction_ratings_project_id",
                table: "satisfaction_ratings",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "IX_satisfaction_ratings_project_id_household_id",
                table: "satisfaction_ratings",
                columns: new[] { "project_id", "household_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_access_log");

            migrationBuilder.DropTable(
                name: "echo_answers");

            migrationBuilder.DropTable(
                name: "echo_moderation");

            migrationBuilder.DropTable(
                name: "project_grants");

            migrationBuilder.DropTable(
                name: "project_milestones");

            migrationBuilder.DropTable(
                name: "project_progress_reports");

            migrationBuilder.DropTable(
                name: "project_updates");

            migrationBuilder.DropTable(
                name: "reference_counters");

            migrationBuilder.DropTable(
                name: "requester_contacts");

            migrationBuilder.DropTable(
                name: "resident_request_status_changes");

            migrationBuilder.DropTable(
                name: "satisfaction_ratings");

            migrationBuilder.DropTable(
                name: "echo_posts");

            migrationBuilder.DropTable(
                name: "resident_requests");

            migrationBuilder.DropIndex(
                name: "IX_projects_responsible_organisation_id",
                table: "projects");

            migrationBuilder.DropIndex(
                name: "IX_projects_village",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "origin_request_ids",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "overdue_period_reported",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "responsible_cadre_member_id",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "village",
                table: "projects");
        }
    }
}
