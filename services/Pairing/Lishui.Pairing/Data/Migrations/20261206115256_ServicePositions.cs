using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Pairing.Data.Migrations
{
    /// <inheritdoc />
    public partial class ServicePositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "service_position_id",
                table: "study_sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "service_position_id",
                table: "stationing_visits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "service_position_id",
                table: "stationing_schedules",
                type: "uuid",
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_positions");

            migrationBuilder.DropColumn(
                name: "service_position_id",
                table: "study_sessions");

            migrationBuilder.DropColumn(
                name: "service_position_id",
                table: "stationing_visits");

            migrationBuilder.DropColumn(
                name: "service_position_id",
                table: "stationing_schedules");
        }
    }
}
