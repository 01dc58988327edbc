using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Membership.Data.Migrations
{
    /// <inheritdoc />
    public partial class MemberStatusLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "status_since",
                table: "members",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Members already on the roll: their status dates from full membership, or from joining.
            migrationBuilder.Sql("UPDATE members SET status_since = COALESCE(full_member_on, joined_on);");

            migrationBuilder.CreateTable(
                name: "member_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    to_status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "FK_member_status_changes_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_members_status",
                table: "members",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_member_status_changes_member_id_recorded_at",
                table: "member_status_changes",
                columns: new[] { "member_id", "recorded_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "member_status_changes");

            migrationBuilder.DropIndex(
                name: "IX_members_status",
                table: "members");

            migrationBuilder.DropColumn(
                name: "status_since",
                table: "members");
        }
    }
}
