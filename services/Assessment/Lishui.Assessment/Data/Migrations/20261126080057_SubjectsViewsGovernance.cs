using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Assessment.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubjectsViewsGovernance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_schemes_organisation_id_year_subject_type",
                table: "schemes");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_scheme_id_source_event_id_rule_code",
                table: "ledger_entries");

            migrationBuilder.AddColumn<string>(
                name: "topic",
                table: "schemes",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "MemberPoints"); // every scheme so far was a member scheme

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "notices",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "governance_facts",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    value = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_facts", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "local_households",
                columns: table => new
                {
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    head_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    members_count = table.Column<int>(type: "integer", nullable: false),
                    economic_cooperative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_households", x => x.household_id);
                });

            migrationBuilder.CreateTable(
                name: "local_organisations",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    economic_cooperative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    closed = table.Column<bool>(type: "boolean", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_organisations", x => x.organisation_id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_schemes_organisation_id_year_subject_type_topic",
                table: "schemes",
                columns: new[] { "organisation_id", "year", "subject_type", "topic" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_scheme_id_source_event_id_rule_code_subject_~",
                table: "ledger_entries",
                columns: new[] { "scheme_id", "source_event_id", "rule_code", "subject_id" },
                unique: true,
                filter: "source_event_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_governance_facts_kind_organisation_id_occurred_on",
                table: "governance_facts",
                columns: new[] { "kind", "organisation_id", "occurred_on" });

            migrationBuilder.CreateIndex(
                name: "IX_local_households_organisation_id",
                table: "local_households",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "IX_local_organisations_parent_id",
                table: "local_organisations",
                column: "parent_id");

            // The organisation and everything below it, from the local tree (the root counts even before its own event arrives).
            migrationBuilder.Sql("""
                CREATE FUNCTION organisation_subtree(root uuid) RETURNS TABLE (organisation_id uuid)
                LANGUAGE sql STABLE AS $$
                    WITH RECURSIVE tree(organisation_id) AS (
                        SELECT root
                        UNION
                        SELECT o.organisation_id FROM local_organisations o JOIN tree t ON o.parent_id = t.organisation_id)
                    SELECT organisation_id FROM tree
                $$;
                """);

            // Whom a scheme of an organisation scores, by subject type: members, households, cooperatives (party–mass groups), villages.
            migrationBuilder.Sql("""
                CREATE FUNCTION assessment_roll(root uuid, subject_type text) RETURNS TABLE (subject_id uuid, name text)
                LANGUAGE sql STABLE AS $$
                    SELECT m.member_id, m.name::text FROM local_members m
                    WHERE subject_type = 'Member' AND m.organisation_id IN (SELECT organisation_id FROM organisation_subtree(root))
                    UNION ALL
                    SELECT h.household_id, h.head_name::text FROM local_households h
                    WHERE subject_type = 'Household' AND h.organisation_id IN (SELECT organisation_id FROM organisation_subtree(root))
                    UNION ALL
                    SELECT o.organisation_id, COALESCE(o.economic_cooperative, o.name)::text FROM local_organisations o
                    WHERE subject_type = 'EconomicCooperative' AND o.kind = 'PartyMassGroup' AND NOT o.closed
                      AND o.organisation_id IN (SELECT organisation_id FROM organisation_subtree(root))
                    UNION ALL
                    SELECT o.organisation_id, o.name::text FROM local_organisations o
                    WHERE subject_type = 'Village' AND o.kind = 'PartyCommittee' AND o.parent_id IS NOT NULL AND NOT o.closed
                      AND o.organisation_id IN (SELECT organisation_id FROM organisation_subtree(root))
                $$;
                """);

            // Names of subjects with ledger entries who have left the roll (transferred, moved).
            migrationBuilder.Sql("""
                CREATE VIEW assessment_subject_names AS
                    SELECT member_id AS subject_id, name::text AS name FROM local_members
                    UNION ALL SELECT household_id, head_name::text FROM local_households
                    UNION ALL SELECT organisation_id, COALESCE(economic_cooperative, name)::text FROM local_organisations;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW assessment_subject_names;");
            migrationBuilder.Sql("DROP FUNCTION assessment_roll(uuid, text);");
            migrationBuilder.Sql("DROP FUNCTION organisation_subtree(uuid);");

            migrationBuilder.DropTable(
                name: "governance_facts");

            migrationBuilder.DropTable(
                name: "local_households");

            migrationBuilder.DropTable(
                name: "local_organisations");

            migrationBuilder.DropIndex(
                name: "IX_schemes_organisation_id_year_subject_type_topic",
                table: "schemes");

            migrationBuilder.DropIndex(
                name: "IX_ledger_entries_scheme_id_source_event_id_rule_code_subject_~",
                table: "ledger_entries");

            migrationBuilder.DropColumn(
                name: "topic",
                table: "schemes");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "notices");

            migrationBuilder.CreateIndex(
                name: "IX_schemes_organisation_id_year_subject_type",
                table: "schemes",
                columns: new[] { "organisation_id", "year", "subject_type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_scheme_id_source_event_id_rule_code",
                table: "ledger_entries",
                columns: new[] { "scheme_id", "source_event_id", "rule_code" },
                unique: true,
                filter: "source_event_id IS NOT NULL");
        }
    }
}
