using System;
using Lishui.Notification.Data;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Notification.Data.Migrations
{
    /// <summary>
    /// Notification keeps the same local directory as the other services that mirror Membership: its
    /// organisations gain kind, economic cooperative, closed and the time of the last change, and the
    /// tree is queried through the shared functions (<see cref="LocalDirectory"/>).
    /// </summary>
    [DbContext(typeof(NotificationDbContext))]
    [Migration("20261207010000_OneLocalDirectory")]
    public partial class OneLocalDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "closed",
                table: "local_organisations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "economic_cooperative",
                table: "local_organisations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "local_organisations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                table: "local_organisations",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Rows mirrored before the kind was kept here: the root is the town's party committee, any other
            // is given Branch, which nothing in Notification reads. Without defaults afterwards, the table is the
            // one the other services keep.
            migrationBuilder.Sql("""
                UPDATE local_organisations SET kind = CASE WHEN parent_id IS NULL THEN 'PartyCommittee' ELSE 'Branch' END WHERE kind = '';
                ALTER TABLE local_organisations ALTER COLUMN kind DROP DEFAULT, ALTER COLUMN closed DROP DEFAULT, ALTER COLUMN updated_at DROP DEFAULT;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_local_organisations_parent_id",
                table: "local_organisations",
                column: "parent_id");

            migrationBuilder.Sql(LocalDirectory.CreateFunctionsSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LocalDirectory.DropFunctionsSql);

            migrationBuilder.DropIndex(
                name: "IX_local_organisations_parent_id",
                table: "local_organisations");

            migrationBuilder.DropColumn(
                name: "closed",
                table: "local_organisations");

            migrationBuilder.DropColumn(
                name: "economic_cooperative",
                table: "local_organisations");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "local_organisations");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "local_organisations");
        }
    }
}
