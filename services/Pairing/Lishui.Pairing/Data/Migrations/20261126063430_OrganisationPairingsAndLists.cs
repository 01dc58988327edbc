using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Pairing.Data.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationPairingsAndLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contact_logs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_pair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contacted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    logged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact_logs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "local_organisations",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    closed = table.Column<bool>(type: "boolean", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_organisations", x => x.organisation_id);
                });

            migrationBuilder.CreateTable(
                name: "member_pairs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    pairing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    pinned = table.Column<bool>(type: "boolean", nullable: false),
                    since = table.Column<DateOnly>(type: "date", nullable: false),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true),
                    last_contacted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    overdue_notified_for = table.Column<DateOnly>(type: "date", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_pairs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "organisation_pairings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_branch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    purpose = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    contact_every_days = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    list_revision = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_pairings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pairing_pins",
                columns: table => new
                {
                    pairing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    village_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organ_member_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pairing_pins", x => new { x.pairing_id, x.village_member_id });
                });

            migrationBuilder.CreateIndex(
                name: "IX_contact_logs_member_pair_id_contacted_on",
                table: "contact_logs",
                columns: new[] { "member_pair_id", "contacted_on" });

            migrationBuilder.CreateIndex(
                name: "IX_local_organisations_parent_id",
                table: "local_organisations",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "IX_member_pairs_organ_member_id",
                table: "member_pairs",
                column: "organ_member_id");

            migrationBuilder.CreateIndex(
                name: "IX_member_pairs_pairing_id_ended_on",
                table: "member_pairs",
                columns: new[] { "pairing_id", "ended_on" });

            migrationBuilder.CreateIndex(
                name: "IX_member_pairs_village_member_id",
                table: "member_pairs",
                column: "village_member_id");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_pairings_organ_branch_id_village_committee_id",
                table: "organisation_pairings",
                columns: new[] { "organ_branch_id", "village_committee_id" });

            migrationBuilder.CreateIndex(
                name: "IX_organisation_pairings_village_committee_id",
                table: "organisation_pairings",
                column: "village_committee_id");

            // Overlapping pairings of the same two organisations are refused by the handler; this
            // constraint makes a concurrent pair of requests unable to slip past it.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql("""
                ALTER TABLE organisation_pairings ADD CONSTRAINT ex_organisation_pairings_no_overlap
                  EXCLUDE USING gist (organ_branch_id WITH =, village_committee_id WITH =, daterange(starts_on, ends_on, '[]') WITH &&);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE organisation_pairings DROP CONSTRAINT IF EXISTS ex_organisation_pairings_no_overlap;");

            migrationBuilder.DropTable(
                name: "contact_logs");

            migrationBuilder.DropTable(
                name: "local_organisations");

            migrationBuilder.DropTable(
                name: "member_pairs");

            migrationBuilder.DropTable(
                name: "organisation_pairings");

            migrationBuilder.DropTable(
                name: "pairing_pins");
        }
    }
}
