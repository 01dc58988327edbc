using Lishui.Assessment.Data;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Assessment.Data.Migrations
{
    /// <summary>
    /// The local directory's two questions as the functions every service that mirrors Membership shares
    /// (<see cref="LocalDirectory"/>): adds <c>organisation_ancestors</c>; <c>organisation_subtree</c>, which
    /// the roll already used, is replaced by the same definition.
    /// </summary>
    [DbContext(typeof(AssessmentDbContext))]
    [Migration("20261207010000_LocalDirectoryQueries")]
    public partial class LocalDirectoryQueries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LocalDirectory.CreateFunctionsSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // organisation_subtree stays: assessment_roll, from the initial migration, depends on it.
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS organisation_ancestors(uuid);");
        }
    }
}
