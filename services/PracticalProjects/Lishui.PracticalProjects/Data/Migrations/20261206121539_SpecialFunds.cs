using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.PracticalProjects.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpecialFunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "special_funds",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    budget = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    drawn = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: false),
                    grants = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_special_funds", x => x.year);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "special_funds");
        }
    }
}
