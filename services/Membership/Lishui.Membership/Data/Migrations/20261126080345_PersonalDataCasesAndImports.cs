using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lishui.Membership.Data.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataCasesAndImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "email_cipher",
                table: "members",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_cipher",
                table: "members",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "id_number_hash",
                table: "members",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "phone_cipher",
                table: "members",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "member_details_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_fields = table.Column<string[]>(type: "text[]", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_details_changes", x => x.id);
                    table.ForeignKey(
                        name: "FK_member_details_changes_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "member_imports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    encoding = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payload_cipher = table.Column<byte[]>(type: "bytea", nullable: true),
                    rows_total = table.Column<int>(type: "integer", nullable: false),
                    rows_processed = table.Column<int>(type: "integer", nullable: false),
                    imported = table.Column<int>(type: "integer", nullable: false),
                    error_count = table.Column<int>(type: "integer", nullable: false),
                    errors = table.Column<string>(type: "jsonb", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_member_imports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "personal_data_access_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    fields = table.Column<string[]>(type: "text[]", nullable: false),
                    accessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_personal_data_access_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "withdrawal_advice_cases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party_committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unqualified_years = table.Column<int[]>(type: "integer[]", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_withdrawal_advice_cases", x => x.id);
                    table.ForeignKey(
                        name: "FK_withdrawal_advice_cases_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_id_number_hash",
                table: "members",
                column: "id_number_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_member_details_changes_member_id_recorded_at",
                table: "member_details_changes",
                columns: new[] { "member_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "IX_member_imports_status_created_at",
                table: "member_imports",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_access_log_accessed_at",
                table: "personal_data_access_log",
                column: "accessed_at");

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_access_log_member_id_accessed_at",
                table: "personal_data_access_log",
                columns: new[] { "member_id", "accessed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_personal_data_access_log_requested_by_accessed_at",
                table: "personal_data_access_log",
                columns: new[] { "requested_by", "accessed_at" });

            migrationBuilder.CreateIndex(
                name: "IX_withdrawal_advice_cases_member_id_year",
                table: "withdrawal_advice_cases",
                columns: new[] { "member_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_withdrawal_advice_cases_party_committee_id",
                table: "withdrawal_advice_cases",
                column: "party_committee_id");

            migrationBuilder.CreateIndex(
                name: "IX_withdrawal_advice_cases_status_opened_at",
                table: "withdrawal_advice_cases",
                columns: new[] { "status", "opened_at" });

            // The access log is append-only: the database itself refuses to change or remove a row.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION personal_data_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'personal_data_access_log is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
                END $$;
                CREATE TRIGGER personal_data_access_log_append_only
                  BEFORE UPDATE OR DELETE ON personal_data_access_log FOR EACH ROW EXECUTE FUNCTION personal_data_access_log_append_only();
                CREATE TRIGGER personal_data_access_log_no_truncate
                  BEFORE TRUNCATE ON personal_data_access_log FOR EACH STATEMENT EXECUTE FUNCTION personal_data_access_log_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS personal_data_access_log_no_truncate ON personal_data_access_log;
                DROP TRIGGER IF EXISTS personal_data_access_log_append_only ON personal_data_access_log;
                DROP FUNCTION IF EXISTS personal_data_access_log_append_only();
                """);

            migrationBuilder.DropTable(
                name: "member_details_changes");

            migrationBuilder.DropTable(
                name: "member_imports");

            migrationBuilder.DropTable(
                name: "personal_data_access_log");

            migrationBuilder.DropTable(
                name: "withdrawal_advice_cases");

            migrationBuilder.DropIndex(
                name: "ix_members_id_number_hash",
                table: "members");

            migrationBuilder.DropColumn(
                name: "email_cipher",
                table: "members");

            migrationBuilder.DropColumn(
                name: "id_number_cipher",
                table: "members");

            migrationBuilder.DropColumn(
                name: "id_number_hash",
                table: "members");

            migrationBuilder.DropColumn(
                name: "phone_cipher",
                table: "members");
        }
    }
}
