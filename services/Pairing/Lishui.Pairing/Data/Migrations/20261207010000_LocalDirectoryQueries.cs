using Lishui.Pairing.Data;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Pairing.Data.Migrations
{
    /// <summary>
    /// The local directory's two questions (what lies above an organisation, what lies below it) as the
    /// database functions every service that mirrors Membership shares (<see cref="LocalDirectory"/>).
    /// </summary>
    [DbContext(typeof(PairingDbContext))]
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
            migrationBuilder.Sql(LocalDirectory.DropFunctionsSql);
        }
    }
}
