using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuietHoursWithoutDatabaseDefault : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<TimeOnly>(
                name: "quiet_hours_start",
                table: "recipient_preferences",
                type: "time without time zone",
                nullable: false,
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone",
                oldDefaultValue: new TimeOnly(22, 0, 0));

            migrationBuilder.AlterColumn<TimeOnly>(
                name: "quiet_hours_end",
                table: "recipient_preferences",
                type: "time without time zone",
                nullable: false,
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone",
                oldDefaultValue: new TimeOnly(7, 0, 0));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<TimeOnly>(
                name: "quiet_hours_start",
                table: "recipient_preferences",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(22, 0, 0),
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone");

            migrationBuilder.AlterColumn<TimeOnly>(
                name: "quiet_hours_end",
                table: "recipient_preferences",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(7, 0, 0),
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone");
        }
    }
}
