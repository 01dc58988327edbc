using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class LocalMemberOrganisationSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "organisation_sequence",
                table: "local_members",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Rows from before: their organisation came with the event their sequence records.
            migrationBuilder.Sql("UPDATE local_members SET organisation_sequence = sequence;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "organisation_sequence",
                table: "local_members");
        }
    }
}
