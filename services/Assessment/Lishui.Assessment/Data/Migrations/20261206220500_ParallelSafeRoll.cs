using Lishui.Assessment.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Assessment.Data.Migrations
{
    /// <summary>
    /// The roll functions only read: marked PARALLEL SAFE, a query that uses them may scan the ledger with
    /// parallel workers (PostgreSQL decides before inlining them, and an unmarked function is unsafe).
    /// </summary>
    [DbContext(typeof(AssessmentDbContext))]
    [Migration("20261206220500_ParallelSafeRoll")]
    public partial class ParallelSafeRoll : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER FUNCTION organisation_subtree(uuid) PARALLEL SAFE;
                ALTER FUNCTION assessment_roll(uuid, text) PARALLEL SAFE;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER FUNCTION assessment_roll(uuid, text) PARALLEL UNSAFE;
                ALTER FUNCTION organisation_subtree(uuid) PARALLEL UNSAFE;
                """);
        }
    }
}
