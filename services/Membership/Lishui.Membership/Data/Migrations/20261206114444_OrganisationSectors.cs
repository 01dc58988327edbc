using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Membership.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationSectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sector",
                table: "organisations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            // The root is the town committee; everything else waits to be classified.
            migrationBuilder.Sql("UPDATE organisations SET sector = 'Town' WHERE parent_id IS NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_organisations_sector_kind",
                table: "organisations",
                columns: new[] { "sector", "kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_organisations_sector_kind",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "sector",
                table: "organisations");
        }
    }
}
