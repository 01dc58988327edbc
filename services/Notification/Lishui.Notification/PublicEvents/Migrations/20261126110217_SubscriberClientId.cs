using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Notification.PublicEvents.Migrations
{
    /// <inheritdoc />
    public partial class SubscriberClientId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_id",
                schema: "public_events",
                table: "subscribers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_subscribers_client_id",
                schema: "public_events",
                table: "subscribers",
                column: "client_id",
                unique: true,
                filter: "client_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_subscribers_client_id",
                schema: "public_events",
                table: "subscribers");

            migrationBuilder.DropColumn(
                name: "client_id",
                schema: "public_events",
                table: "subscribers");
        }
    }
}
