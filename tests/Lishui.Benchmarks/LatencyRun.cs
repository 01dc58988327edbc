using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Lishui.Benchmarks;

/// <summary>The load both chains get: registrations a second, measured seconds, warm-up seconds before them.</summary>
public sealed record LatencyLoad(int Rate, int Seconds, int WarmupSeconds)
{
    public int Requests => Rate * Seconds;
}

/// <summary>What one chain did under a <see cref="LatencyLoad"/>.</summary>
/// <param name="Latencies">Scheduled start to notification committed, in ms, sorted.</param>
/// <param name="PostTimes">Scheduled start to the 201, in ms, sorted.</param>
/// <param name="Registered">Requests answered 201 (the unit every figure per registration divides by).</param>
/// <param name="StackParts">Keys as <see cref="StackCpuMeter.ReadParts"/>: 0 this process, 1 PostgreSQL, 2 RabbitMQ.</param>
/// <param name="Statements">Null when the server has no pg_stat_statements.</param>
public sealed record LatencyFigures(
    LatencyLoad Load,
    double[] Latencies,
    double[] PostTimes,
    int Registered,
    int Warm,
    (TimeSpan Process, TimeSpan Machine, TimeSpan Elapsed) Cpu,
    IReadOnlyDictionary<int, TimeSpan> StackParts,
    int StackServers,
    Statements? Statements)
{
    public int Failed => Load.Requests - Registered;

    public int Missing => Registered - Latencies.Length;

    public TimeSpan StackCpu => TimeSpan.FromTicks(StackParts.Values.Sum(t => t.Ticks));

    public double PerRegistration(TimeSpan cpu) => cpu.TotalMilliseconds / Math.Max(1, Registered);

    public double PerRegistration(long count) => (double)count / Math.Max(1, Registered);
}

/// <summary>
/// Drives a registration endpoint open loop and measures it the same way whatever is behind it:
/// from each request's scheduled start to the commit of its notification row, which a trigger on
/// the notifications table announces with NOTIFY; then the CPU (machine, and the stack alone) and
/// the SQL statements per registration, counted after the warm-up's notifications are stored.
/// </summary>
public static class LatencyRun
{
    public const string Channel = "bench_notification_stored";

    /// <summary>Benchmark instrumentation for a notifications table with a recipient_id (the member registered).</summary>
    public const string StoredTrigger = $"""
        CREATE FUNCTION bench_notify_stored() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('{Channel}', NEW.recipient_id::text); RETURN NULL; END $$;
        CREATE TRIGGER bench_notification_stored AFTER INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION bench_notify_stored();
        """;

    /// <summary>More requests waiting than this means the service cannot keep up with the rate.</summary>
    public const int MaxInFlight = 500;

    private static int inFlight;

    /// <param name="notificationDb">The database whose notifications table has <see cref="StoredTrigger"/>.</param>
    /// <param name="databases">Service name → database, for the statement count.</param>
    public static async Task<LatencyFigures> MeasureAsync(
        Servers servers, HttpClient client, string path, Guid organisation, string notificationDb,
        IReadOnlyDictionary<string, string> databases, LatencyLoad load, CancellationToken ct)
    {
        var stored = new ConcurrentDictionary<Guid, long>();
        await using var listener = new NpgsqlConnection(notificationDb);
        await listener.OpenAsync(ct);
        listener.Notification += (_, e) => stored.TryAdd(Guid.Parse(e.Payload), Stopwatch.GetTimestamp());
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        using var listening = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pump = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await listener.WaitAsync(listening.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or NpgsqlException)
            {
                // stopped listening (or the connection broke: the run then reports missing notifications)
            }
        }, CancellationToken.None);

        ConcurrentDictionary<Guid, long> started;
        var answered = new ConcurrentDictionary<Guid, long>();
        ConcurrentDictionary<Guid, long> warm;
        (TimeSpan Process, TimeSpan Machine, TimeSpan Elapsed) spent;
        IReadOnlyDictionary<int, TimeSpan> parts;
        StackCpuMeter stackCpu;
        StatementCount? statements;
        try
        {
            warm = await DriveAsync(client, path, organisation, load.Rate, load.WarmupSeconds, 0, ct);
            // The warm-up's notifications must be stored before counting starts, or their statements and CPU are charged to the run.
            await WaitStoredAsync(warm, stored, ct);

            statements = await StatementCount.StartAsync(servers.Postgres, ct);
            var cpu = new CpuMeter();
            stackCpu = StackCpuMeter.Start(new NpgsqlConnectionStringBuilder(servers.Postgres).Port, servers.RabbitMq.Port);
            started = await DriveAsync(client, path, organisation, load.Rate, load.Seconds, load.WarmupSeconds * load.Rate, ct, answered);
            await WaitStoredAsync(started, stored, ct);
            spent = cpu.Read();
            parts = stackCpu.ReadParts();
        }
        finally
        {
            // The listening connection must leave its wait before it is closed.
            await listening.CancelAsync();
            await pump;
        }

        var latencies = started.Where(s => stored.ContainsKey(s.Key))
            .Select(s => Stopwatch.GetElapsedTime(s.Value, stored[s.Key]).TotalMilliseconds).Order().ToArray();
        var postTimes = started.Where(s => answered.ContainsKey(s.Key))
            .Select(s => Stopwatch.GetElapsedTime(s.Value, answered[s.Key]).TotalMilliseconds).Order().ToArray();
        return new LatencyFigures(load, latencies, postTimes, started.Count, warm.Count, spent, parts, stackCpu.ServerPids.Count,
            statements is null ? null : await statements.ReadAsync(databases, ct));
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Until every request's notification is stored, or 30 s (then the rest count as missing).</summary>
    private static async Task WaitStoredAsync(ConcurrentDictionary<Guid, long> started, ConcurrentDictionary<Guid, long> stored, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (started.Keys.Any(m => !stored.ContainsKey(m)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, ct);
        }
    }

    private sealed class InFlight : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref inFlight);
    }

    /// <summary>Starts one registration every 1/rate seconds; returns member id → scheduled start of each request that succeeded.</summary>
    private static async Task<ConcurrentDictionary<Guid, long>> DriveAsync(
        HttpClient client, string path, Guid organisation, int rate, int seconds, int offset, CancellationToken ct, ConcurrentDictionary<Guid, long>? answered = null)
    {
        var started = new ConcurrentDictionary<Guid, long>();
        var requests = new List<Task>(rate * seconds);
        var t0 = Stopwatch.GetTimestamp();
        for (var i = 0; i < rate * seconds; i++)
        {
            var due = t0 + (long)(i * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            var n = offset + i;
            if (Volatile.Read(ref inFlight) >= MaxInFlight)
            {
                continue; // overloaded: not sent, counted as failed (waiting requests would only pile up until memory runs out)
            }

            Interlocked.Increment(ref inFlight);
            requests.Add(Task.Run(async () =>
            {
                using var done = new InFlight();
                var start = Stopwatch.GetTimestamp();
                using var response = await PostAsync(client, path, RegistrationBody(organisation, n), ct);
                if (response is null)
                {
                    return; // counted as failed
                }

                if (response.IsSuccessStatusCode)
                {
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
                    started[id] = start;
                    answered?.TryAdd(id, Stopwatch.GetTimestamp());
                }
                else if (n % 1000 == 0)
                {
                    Console.WriteLine($"  POST {path} {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                }
            }, ct));
        }

        await Task.WhenAll(requests);
        return started;
    }

    private static async Task<HttpResponseMessage?> PostAsync(HttpClient client, string path, object body, CancellationToken ct)
    {
        try
        {
            return await client.PostAsJsonAsync(path, body, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Built the way tests/Lishui.Membership.Tests registers members, with a valid resident ID number.</summary>
    private static object RegistrationBody(Guid organisation, int n)
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(n % 15000);
        return new
        {
            name = $"党员{n}",
            gender = "Male",
            birthDate = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            joinedOn = "2005-07-01",
            fullMemberOn = "2006-07-01",
            organisationId = organisation,
            idNumber = ResidentIdNumber(birth, n),
        };
    }

    /// <summary>An 18-character resident ID (GB 11643): Nanhai district code, birth date, odd (male) sequence, ISO 7064 check character.</summary>
    private static string ResidentIdNumber(DateOnly birth, int n)
    {
        var body = $"440605{birth:yyyyMMdd}{(n * 2 + 1) % 1000:D3}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
