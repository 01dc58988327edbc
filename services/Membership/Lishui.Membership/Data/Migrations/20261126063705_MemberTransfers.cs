using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Membership.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberTransfers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "organisation_since",
                table: "members",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Before transfers were recorded, a member was taken to be in their organisation since joining.
            migrationBuilder.Sql("UPDATE members SET organisation_since = joined_on;");

            migrationBuilder.CreateTable(
                name: "member_transfers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_transfers", x => x.id);
                    table.ForeignKey(
                        name: "FK_member_transfers_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_member_transfers_member_id_recorded_at",
                table: "member_transfers",
                columns: new[] { "member_id", "recorded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_transfers");

            migrationBuilder.DropColumn(
                name: "organisation_since",
                table: "members");
        }
    }
}
