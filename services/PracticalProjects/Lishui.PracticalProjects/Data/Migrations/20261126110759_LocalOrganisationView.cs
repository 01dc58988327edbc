using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.PracticalProjects.Data.Migrations
{
    /// <inheritdoc />
    public partial class LocalOrganisationView : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_local_organisations_parent_id",
                table: "local_organisations",
                column: "parent_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "local_organisations");
        }
    }
}
