using System.Globalization;
using Npgsql;

namespace Lishui.Assessment.Benchmarks;

public sealed record BenchmarkOptions(int Members, int Entries, string Server, int Runs, bool Keep)
{
    public const string ConnectionVariable = "LISHUI_BENCH_POSTGRES";

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Lishui.Assessment.Benchmarks -- [--members 100000] [--entries 100]
                                     [--connection "Host=...;Port=...;Username=...;Password=..."] [--runs 3] [--keep]
          --connection  a PostgreSQL server (the database part is ignored: the run creates its own database
                        and drops it afterwards unless --keep). Default: $LISHUI_BENCH_POSTGRES, then $LISHUI_TEST_POSTGRES.
          --runs        how often each side is timed (the median is reported); the close rolls back all but the last.
        """;

    public static BenchmarkOptions? Parse(string[] args)
    {
        int members = 100_000, entries = 100, runs = 3;
        var keep = false;
        var server = Environment.GetEnvironmentVariable(ConnectionVariable) ?? Environment.GetEnvironmentVariable("LISHUI_TEST_POSTGRES");
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--members": members = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--entries": entries = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--runs": runs = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--connection": server = Next(); break;
                case "--keep": keep = true; break;
                default: return null;
            }
        }

        if (string.IsNullOrWhiteSpace(server) || members < 1 || entries < 1 || runs < 1)
        {
            return null;
        }

        return new BenchmarkOptions(members, entries, new NpgsqlConnectionStringBuilder(server) { Database = null }.ConnectionString, runs, keep);
    }
}
