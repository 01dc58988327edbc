using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.PracticalProjects.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "project_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_batches", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_project_batches_name",
                table: "project_batches",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_project_batches_year_number",
                table: "project_batches",
                columns: new[] { "year", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "project_batches");
        }
    }
}
