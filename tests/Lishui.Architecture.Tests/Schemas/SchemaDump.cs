using System.Text;
using Npgsql;

namespace Lishui.Architecture.Tests.Schemas;

/// <summary>
/// A database's schema as sorted text: schemas, extensions, tables, columns, constraints, indexes,
/// views, functions and triggers, each as PostgreSQL itself prints it. Sorted, so the order in which
/// migrations created things (or columns sit in a table) is no difference; anything else is.
/// </summary>
public static class SchemaDump
{
    // Partitions of the public-events archive are made for the current month and the next three:
    // their names follow the calendar, so only the partitioned table itself is compared.
    private const string Sql = """
        WITH ns AS (
            SELECT oid, nspname FROM pg_namespace
            WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'),
        rel AS (
            SELECT c.oid, c.relname, c.relkind, ns.nspname FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
            WHERE NOT c.relispartition),
        own AS (
            SELECT p.oid, p.proname, ns.nspname FROM pg_proc p JOIN ns ON ns.oid = p.pronamespace
            WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'))
        SELECT 'schema ' || nspname FROM ns
        UNION ALL
        SELECT 'extension ' || extname FROM pg_extension
        UNION ALL
        SELECT format('relation %s.%s kind %s%s', nspname, relname, relkind,
            CASE WHEN relkind = 'p' THEN ' partition by ' || pg_get_partkeydef(oid) ELSE '' END)
        FROM rel WHERE relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        UNION ALL
        SELECT format('column %s.%s.%s %s%s%s%s%s%s%s', r.nspname, r.relname, a.attname, format_type(a.atttypid, a.atttypmod),
            CASE WHEN a.attnotnull THEN ' not null' ELSE '' END,
            CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END,
            CASE WHEN a.attgenerated <> '' THEN ' generated ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END,
            CASE WHEN a.attgenerated = '' AND d.adbin IS NOT NULL THEN ' default ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END,
            CASE WHEN a.attcollation <> t.typcollation THEN ' collate ' || co.collname ELSE '' END,
            COALESCE(' comment ' || col_description(r.oid, a.attnum), ''))
        FROM pg_attribute a JOIN rel r ON r.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        LEFT JOIN pg_collation co ON co.oid = a.attcollation
        WHERE a.attnum > 0 AND NOT a.attisdropped AND r.relkind IN ('r', 'p', 'v', 'm', 'f')
        UNION ALL
        SELECT format('constraint %s.%s %s %s', r.nspname, r.relname, con.conname, pg_get_constraintdef(con.oid))
        FROM pg_constraint con JOIN rel r ON r.oid = con.conrelid
        UNION ALL
        SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN rel r ON r.oid = i.indrelid
        UNION ALL
        SELECT format('view %s.%s %s', nspname, relname, pg_get_viewdef(oid)) FROM rel WHERE relkind IN ('v', 'm')
        UNION ALL
        SELECT 'function ' || pg_get_functiondef(oid) FROM own
        UNION ALL
        SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN rel r ON r.oid = t.tgrelid WHERE NOT t.tgisinternal
        """;

    public static async Task<string> OfAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0).ReplaceLineEndings("\n").TrimEnd());
            }
        }

        lines.Sort(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }
}
