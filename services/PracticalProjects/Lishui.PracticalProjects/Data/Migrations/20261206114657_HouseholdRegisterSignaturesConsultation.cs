using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.PracticalProjects.Data.Migrations
{
    /// <inheritdoc />
    public partial class HouseholdRegisterSignaturesConsultation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "requires_consultation",
                table: "projects",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "recorded_at",
                table: "household_positions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "signature_confirmed",
                table: "household_positions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "signature_image_id",
                table: "household_positions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "signed_name",
                table: "household_positions",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "local_households",
                columns: table => new
                {
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    head_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    members_count = table.Column<int>(type: "integer", nullable: false),
                    economic_cooperative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_households", x => x.household_id);
                });

            migrationBuilder.CreateTable(
                name: "signature_images",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    collection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signature_images", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_local_households_organisation_id",
                table: "local_households",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_signature_images_collection_id",
                table: "signature_images",
                column: "collection_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "local_households");

            migrationBuilder.DropTable(
                name: "signature_images");

            migrationBuilder.DropColumn(
                name: "requires_consultation",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "recorded_at",
                table: "household_positions");

            migrationBuilder.DropColumn(
                name: "signature_confirmed",
                table: "household_positions");

            migrationBuilder.DropColumn(
                name: "signature_image_id",
                table: "household_positions");

            migrationBuilder.DropColumn(
                name: "signed_name",
                table: "household_positions");
        }
    }
}
