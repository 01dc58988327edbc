using Lishui.Assessment.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Assessment.Data.Migrations
{
    /// <summary>
    /// A notice is an aggregate like the others: its event sequence and optimistic lock is the
    /// aggregate's version, so the column takes the name every aggregate's has.
    /// </summary>
    [DbContext(typeof(AssessmentDbContext))]
    [Migration("20261207003000_NoticeVersion")]
    public partial class NoticeVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(name: "sequence", table: "notices", newName: "version");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(name: "version", table: "notices", newName: "sequence");
        }
    }
}
