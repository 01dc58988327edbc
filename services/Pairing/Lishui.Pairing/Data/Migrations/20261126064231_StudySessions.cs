using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Pairing.Data.Migrations
{
    /// <inheritdoc />
    public partial class StudySessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "study_place",
                table: "organisation_pairings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "study_time",
                table: "organisation_pairings",
                type: "time without time zone",
                nullable: true);

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
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_study_sessions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_study_attendance_member_id",
                table: "study_attendance",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "IX_study_sessions_pairing_id_held_on",
                table: "study_sessions",
                columns: new[] { "pairing_id", "held_on" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "study_attendance");

            migrationBuilder.DropTable(
                name: "study_sessions");

            migrationBuilder.DropColumn(
                name: "study_place",
                table: "organisation_pairings");

            migrationBuilder.DropColumn(
                name: "study_time",
                table: "organisation_pairings");
        }
    }
}
