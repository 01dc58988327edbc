using Npgsql;

namespace Lishui.Benchmarks;

/// <summary>
/// SQL statements the server ran for some databases between <see cref="StartAsync"/> and
/// <see cref="ReadAsync"/>, from <c>pg_stat_statements</c>. Needs the server started with
/// <c>shared_preload_libraries = 'pg_stat_statements'</c> (deploy/local/pg-start.sh: PG_PRELOAD);
/// without it the benchmark says so and prints no count.
/// </summary>
public sealed class StatementCount
{
    private readonly string server;

    private StatementCount(string server) => this.server = server;

    public static async Task<StatementCount?> StartAsync(string server, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        try
        {
            await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT pg_stat_statements_reset();", connection);
            await create.ExecuteNonQueryAsync(ct);
            await using var probe = new NpgsqlCommand("SELECT count(*) FROM pg_stat_statements", connection);
            await probe.ExecuteScalarAsync(ct);
            return new StatementCount(server);
        }
        catch (PostgresException e)
        {
            Console.WriteLine($"(no SQL statement count: {e.MessageText}; start PostgreSQL with PG_PRELOAD=pg_stat_statements deploy/local/pg-start.sh …)");
            return null;
        }
    }

    /// <summary>The statements run so far in each of the databases (named by service), read while they still exist.</summary>
    public async Task<Statements> ReadAsync(IReadOnlyDictionary<string, string> databases, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(ct);
        var names = databases.ToDictionary(d => new NpgsqlConnectionStringBuilder(d.Value).Database!, d => d.Key);
        await using var query = new NpgsqlCommand("""
            SELECT d.datname, s.calls, s.total_exec_time, left(regexp_replace(s.query, '\s+', ' ', 'g'), 90)
            FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
            WHERE d.datname = ANY(@names) ORDER BY s.calls DESC
            """, connection);
        query.Parameters.AddWithValue("names", names.Keys.ToArray());
        var rows = new List<Statement>();
        await using (var reader = await query.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new Statement(names[reader.GetString(0)], reader.GetInt64(1), reader.GetDouble(2), reader.GetString(3)));
            }
        }

        return new Statements(rows);
    }
}

public sealed record Statement(string Service, long Calls, double Ms, string Sql);

/// <summary>What <see cref="StatementCount.ReadAsync"/> found.</summary>
public sealed record Statements(IReadOnlyList<Statement> Rows)
{
    public long Calls => Rows.Sum(r => r.Calls);

    /// <summary>Statements per unit of work in each database, and the most frequent ones; <paramref name="whose"/> heads the list.</summary>
    public void Print(string whose, int units, string unit)
    {
        var per = (double)Math.Max(1, units);
        Console.WriteLine();
        Console.WriteLine($"{whose} SQL statements per {unit} (pg_stat_statements, {units} {unit}s; background polling included):");
        foreach (var service in Rows.GroupBy(r => r.Service))
        {
            Console.WriteLine($"  {service.Key,-14} {service.Sum(r => r.Calls) / per,6:F1} statements, {service.Sum(r => r.Ms) / per,6:F2} ms in the server");
        }

        Console.WriteLine($"  {"in all",-14} {Calls / per,6:F1} statements");
        Console.WriteLine("  most frequent:");
        foreach (var row in Rows.Where(r => r.Calls / per >= 0.05).Take(30))
        {
            Console.WriteLine($"  {row.Calls / per,6:F2}  {row.Service,-13} {row.Sql}");
        }
    }
}
