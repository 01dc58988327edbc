using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Assessment.Data.Migrations
{
    /// <inheritdoc />
    public partial class NoticeFinalisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "finalised_at",
                table: "notices",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "finalised_at",
                table: "notices");
        }
    }
}
