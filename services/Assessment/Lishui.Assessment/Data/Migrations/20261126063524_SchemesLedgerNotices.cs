using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Assessment.Data.Migrations
{
    /// <inheritdoc />
    public partial class SchemesLedgerNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "schemes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    subject_type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    dimensions = table.Column<string>(type: "jsonb", nullable: false),
                    excellent_from = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    qualified_from = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    basically_qualified_from = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    excellent_share_cap = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: true),
                    rules = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schemes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assessment_results",
                columns: table => new
                {
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    total = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    grade = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assessment_results", x => new { x.scheme_id, x.subject_id });
                    table.ForeignKey(
                        name: "FK_assessment_results_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    dimension = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    points = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    entered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    rule_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reverses_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_entries", x => x.id);
                    table.ForeignKey(
                        name: "FK_ledger_entries_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    window_opens_on = table.Column<DateOnly>(type: "date", nullable: false),
                    window_closes_on = table.Column<DateOnly>(type: "date", nullable: false),
                    subject_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notices", x => x.id);
                    table.ForeignKey(
                        name: "FK_notices_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheme_versions",
                columns: table => new
                {
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "jsonb", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheme_versions", x => new { x.scheme_id, x.revision });
                    table.ForeignKey(
                        name: "FK_scheme_versions_schemes_scheme_id",
                        column: x => x.scheme_id,
                        principalTable: "schemes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assessment_results_scheme_id_rank",
                table: "assessment_results",
                columns: new[] { "scheme_id", "rank" });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_reverses_entry_id",
                table: "ledger_entries",
                column: "reverses_entry_id",
                unique: true,
                filter: "reverses_entry_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_scheme_id_source_event_id_rule_code",
                table: "ledger_entries",
                columns: new[] { "scheme_id", "source_event_id", "rule_code" },
                unique: true,
                filter: "source_event_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_entries_scheme_id_subject_id_dimension",
                table: "ledger_entries",
                columns: new[] { "scheme_id", "subject_id", "dimension" })
                .Annotation("Npgsql:IndexInclude", new[] { "points" });

            migrationBuilder.CreateIndex(
                name: "IX_notices_scheme_id",
                table: "notices",
                column: "scheme_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_schemes_organisation_id_year_subject_type",
                table: "schemes",
                columns: new[] { "organisation_id", "year", "subject_type" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assessment_results");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.DropTable(
                name: "scheme_versions");

            migrationBuilder.DropTable(
                name: "schemes");
        }
    }
}
