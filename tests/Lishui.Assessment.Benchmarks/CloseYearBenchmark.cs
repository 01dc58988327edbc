using System.Diagnostics;
using System.Globalization;
using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Features.Closing;
using Microsoft.EntityFrameworkCore;
using Lishui.Shared.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Lishui.Assessment.Benchmarks;

/// <summary>
/// Loads members × entries into a fresh Assessment database (migrated with the service's migrations,
/// loaded with binary COPY), then times the service's own close-year code
/// (<see cref="CloseYear.CloseAsync"/>: results by one INSERT … SELECT, notice, outbox) against a raw
/// <c>SELECT … GROUP BY subject_id, dimension</c> over the same ledger. Each side is timed
/// <c>--runs</c> times after one warm-up of the raw query; the close rolls back all but its last run.
/// </summary>
public static class CloseYearBenchmark
{
    private const int Year = 2025;
    private const decimal Target = 1.5m;

    private const string RawQuery = "SELECT subject_id, dimension, SUM(points) FROM ledger_entries WHERE scheme_id = $1 GROUP BY subject_id, dimension";

    public static async Task<int> RunAsync(BenchmarkOptions o)
    {
        var database = $"assessment_bench_{Guid.NewGuid():N}"[..30];
        var connectionString = new NpgsqlConnectionStringBuilder(o.Server) { Database = database, CommandTimeout = 0 }.ConnectionString;
        Console.WriteLine($"考核年度结算基准 / close-year benchmark: {o.Members:N0} members × {o.Entries:N0} entries = {(long)o.Members * o.Entries:N0} ledger rows, database {database}");
        await ExecuteAsync(o.Server, $"CREATE DATABASE \"{database}\"");
        try
        {
            var total = Stopwatch.StartNew();
            var (schemeId, organisation) = await PrepareAsync(connectionString);
            await LoadMembersAsync(connectionString, organisation, o.Members);
            await LoadLedgerAsync(connectionString, schemeId, o.Members, o.Entries);
            Console.WriteLine($"loaded in {total.Elapsed.TotalSeconds:F1} s");

            // Warm-up: the raw query once (both sides then read a warm cache), and the whole close once on a
            // small scheme of its own (EF Core's model, .NET's JIT and Npgsql's type loading are then paid).
            await RawGroupByAsync(connectionString, schemeId);
            var (warmUp, warmUpOrganisation) = await PrepareAsync(connectionString);
            await LoadMembersAsync(connectionString, warmUpOrganisation, 100, firstIndex: o.Members);
            await CloseAsync(connectionString, warmUp, commit: true);
            var raw = new List<double>();
            var close = new List<double>();
            var resultRows = 0;
            for (var run = 1; run <= o.Runs; run++)
            {
                raw.Add(await TimeAsync(() => RawGroupByAsync(connectionString, schemeId)));
                Console.WriteLine($"  run {run}/{o.Runs}: raw GROUP BY {raw[^1]:F0} ms");
                var last = run == o.Runs;
                close.Add(await TimeAsync(async () => resultRows = await CloseAsync(connectionString, schemeId, commit: last)));
                Console.WriteLine($"  run {run}/{o.Runs}: close year   {close[^1]:F0} ms ({resultRows:N0} results{(last ? ", committed" : ", rolled back")})");
            }

            var rawMs = Median(raw);
            var closeMs = Median(close);
            var ratio = (decimal)(closeMs / rawMs);
            Console.WriteLine();
            Console.WriteLine($"raw GROUP BY (median of {o.Runs}): {rawMs,10:F0} ms");
            Console.WriteLine($"close year   (median of {o.Runs}): {closeMs,10:F0} ms");
            Console.WriteLine($"ratio close / raw:           {ratio,10:F2}  (target ≤ {Target}: {(ratio <= Target ? "met" : "NOT met")})");
            if (resultRows != o.Members)
            {
                Console.Error.WriteLine($"expected {o.Members} results, the close stored {resultRows}");
                return 1;
            }

            return 0;
        }
        finally
        {
            if (o.Keep)
            {
                Console.WriteLine($"kept database {database}");
            }
            else
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(o.Server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }
    }

    private static AssessmentDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<AssessmentDbContext>().UseNpgsql(connectionString).Options);

    /// <summary>The service's migrations and the Hefeng member scheme (five dimensions of 20, Excellent capped at 20 %).</summary>
    private static async Task<(Guid Scheme, Guid Organisation)> PrepareAsync(string connectionString)
    {
        await using var db = Context(connectionString);
        await db.Database.MigrateAsync();
        var organisation = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var scheme = Scheme.Create(Guid.CreateVersion7(), organisation, Year, SubjectType.Member,
            new SchemeContent(100, SchemeTemplates.HefengMemberDimensions, GradeThresholds.Default, 0.2m, []), now);
        db.Schemes.Add(scheme);
        db.SchemeVersions.Add(SchemeVersion.Of(scheme, null, null, now));
        await db.SaveChangesAsync();
        return (scheme.Id, organisation);
    }

    private static async Task LoadMembersAsync(string connectionString, Guid organisation, int members, int firstIndex = 0)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY local_members (member_id, organisation_id, name, status, sequence, organisation_sequence, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = firstIndex; i < firstIndex + members; i++)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(MemberId(i), NpgsqlDbType.Uuid);
                await writer.WriteAsync(organisation, NpgsqlDbType.Uuid);
                await writer.WriteAsync($"党员{i + 1:D6}", NpgsqlDbType.Varchar);
                await writer.WriteAsync("Full", NpgsqlDbType.Varchar);
                await writer.WriteAsync(1L, NpgsqlDbType.Bigint);
                await writer.WriteAsync(1L, NpgsqlDbType.Bigint);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await ExecuteAsync(connection, "ANALYZE local_members");
        Console.WriteLine($"members: {members:N0} loaded");
    }

    /// <summary>
    /// Bulk load as one would load a ledger: secondary indexes dropped during the COPY and built after
    /// (the primary key stays), foreign-key triggers off for this session only; then VACUUM ANALYZE so the
    /// covering index is usable for index-only scans by both queries alike.
    /// </summary>
    private static async Task LoadLedgerAsync(string connectionString, Guid schemeId, int members, int entries)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var indexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = 'ledger_entries' AND i.indexname NOT LIKE 'PK_%'", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"");
        }

        await ExecuteAsync(connection, "SET session_replication_role = replica");
        var dimensions = SchemeTemplates.HefengMemberDimensions.Select(d => d.Code).ToArray();
        var random = new Random(20251231); // deterministic: every run loads the same ledger
        var rows = (long)members * entries;
        var step = Math.Max(1, rows / 20);
        var clock = Stopwatch.StartNew();
        var day0 = new DateOnly(Year, 1, 1);
        var recorded = new DateTimeOffset(Year, 12, 1, 8, 0, 0, TimeSpan.Zero);
        // Synchronous writes: awaiting each value costs more than the COPY itself.
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY ledger_entries (id, scheme_id, subject_id, dimension, points, source, reason, entered_by, occurred_on, recorded_at, sequence) FROM STDIN (FORMAT BINARY)"))
        {
            long sequence = 0;
            for (var m = 0; m < members; m++)
            {
                var member = MemberId(m);
                for (var e = 0; e < entries; e++)
                {
                    sequence++;
                    writer.StartRow();
                    writer.Write(Guid.CreateVersion7(recorded), NpgsqlDbType.Uuid);
                    writer.Write(schemeId, NpgsqlDbType.Uuid);
                    writer.Write(member, NpgsqlDbType.Uuid);
                    writer.Write(dimensions[e % dimensions.Length], NpgsqlDbType.Varchar);
                    writer.Write(random.Next(-2, 9) / 4m, NpgsqlDbType.Numeric); // -0.5 … 2: totals spread over every grade
                    writer.Write("Manual", NpgsqlDbType.Varchar);
                    writer.Write("基准测试", NpgsqlDbType.Varchar);
                    writer.Write("benchmark", NpgsqlDbType.Varchar);
                    writer.Write(day0.AddDays(e % 365), NpgsqlDbType.Date);
                    writer.Write(recorded, NpgsqlDbType.TimestampTz);
                    writer.Write(sequence, NpgsqlDbType.Bigint);
                    if (sequence % step == 0)
                    {
                        Console.WriteLine($"ledger: {sequence:N0}/{rows:N0} ({100.0 * sequence / rows:F0} %), {sequence / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} rows/s");
                    }
                }
            }

            await writer.CompleteAsync();
        }

        await ExecuteAsync(connection, "SET session_replication_role = DEFAULT");
        await ExecuteAsync(connection, $"UPDATE schemes SET version = {rows} WHERE id = '{schemeId}'"); // as if each entry had bumped it
        Console.WriteLine($"ledger: COPY done in {clock.Elapsed.TotalSeconds:F1} s; building {indexes.Count} indexes");
        foreach (var (name, definition) in indexes)
        {
            var built = Stopwatch.StartNew();
            await ExecuteAsync(connection, definition);
            Console.WriteLine($"  {name}: {built.Elapsed.TotalSeconds:F1} s");
        }

        await ExecuteAsync(connection, "VACUUM (ANALYZE) ledger_entries");
        Console.WriteLine($"ledger: ready ({clock.Elapsed.TotalSeconds:F1} s)");
    }

    private static async Task<int> RawGroupByAsync(string connectionString, Guid schemeId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(RawQuery, connection) { Parameters = { new() { Value = schemeId } } };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
        }

        return rows;
    }

    /// <summary>The service's close, as the endpoint runs it: load the scheme, close in a transaction, save.</summary>
    private static async Task<int> CloseAsync(string connectionString, Guid schemeId, bool commit)
    {
        await using var db = Context(connectionString);
        var scheme = await db.Schemes.FirstAsync(s => s.Id == schemeId);
        await using var tx = await db.Database.BeginTransactionAsync();
        var notice = await CloseYear.CloseAsync(db, scheme, PublicationWindow.DefaultWorkingDays, WorkingDayCalendar.Official(), DateTimeOffset.UtcNow, CancellationToken.None);
        await db.SaveChangesAsync();
        if (commit)
        {
            await tx.CommitAsync();
        }
        else
        {
            await tx.RollbackAsync();
        }

        return notice.SubjectCount;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Member ids derived from the index, so the ledger refers to them without keeping a list.</summary>
    private static Guid MemberId(int index) => new(index, 0x4c53, 0x4d42, [0x80, 0, 0, 0, 0, 0, 0, 1]);

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
