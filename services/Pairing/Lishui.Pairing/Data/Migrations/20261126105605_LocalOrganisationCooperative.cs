using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Pairing.Data.Migrations
{
    /// <inheritdoc />
    public partial class LocalOrganisationCooperative : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "economic_cooperative",
                table: "local_organisations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "economic_cooperative",
                table: "local_organisations");
        }
    }
}
