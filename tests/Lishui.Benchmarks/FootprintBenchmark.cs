using Lishui.Benchmarks.Faults;

namespace Lishui.Benchmarks;

/// <summary>
/// Each of the five services as its own process (<c>dotnet Lishui.X.dll</c>, built with this
/// configuration) on throwaway servers: cold start to /health 200, then resident memory after
/// idling. Migrations run first (<c>Lishui.X.dll migrate</c>), outside the timing.
/// </summary>
public static class FootprintBenchmark
{
    private static readonly (string Service, string Database)[] Services =
    [
        ("Membership", "membershipdb"),
        ("Pairing", "pairingdb"),
        ("Assessment", "assessmentdb"),
        ("PracticalProjects", "projectsdb"),
        ("Notification", "notificationdb"),
    ];

    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var idle = TimeSpan.FromSeconds(options.Int("idle-seconds", 10));
        var work = Path.Combine(Path.GetTempPath(), "lishui-footprint-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        File.SetUnixFileMode(work, File.GetUnixFileMode(work) | UnixFileMode.OtherExecute);
        var name = "foot" + Guid.NewGuid().ToString("N")[..6];
        await using var postgres = new ThrowawayPostgres(name, PortFrom("LISHUI_BENCH_FAULT_PG_PORT"), Path.Combine(work, "pg"));
        await using var rabbit = new ThrowawayRabbitMq(name, PortFrom("LISHUI_BENCH_FAULT_RMQ_PORT"), Path.Combine(work, "rmq"));
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        var servers = new Servers(postgres.Server, rabbit.Uri);

        var rows = new List<string>();
        foreach (var (service, connectionName) in Services)
        {
            try
            {
                var database = await servers.CreateDatabaseAsync(connectionName, ct);
                var env = new Dictionary<string, string>
                {
                    [$"ConnectionStrings__{connectionName}"] = database,
                    ["ConnectionStrings__messaging"] = rabbit.Uri.ToString(),
                    ["Logging__LogLevel__Default"] = "Warning",
                    // Membership encrypts personal data and refuses to start without a key (from the secret store in production).
                    ["PersonalData__EncryptionKey"] = LatencyBenchmark.RandomKey(),
                    ["PersonalData__HashKey"] = LatencyBenchmark.RandomKey(),
                };
                await Shell.RunAsync("dotnet", [Repository.ServiceDll(service), "migrate"], env, TimeSpan.FromMinutes(3));
                await using var process = new ServiceProcess(service, env, Path.Combine(work, $"{service}.log"));
                var ready = await process.StartAsync(TimeSpan.FromMinutes(3));
                await Task.Delay(idle, ct);
                var rss = process.RssBytes();
                var row = $"{service,-18} {ready.TotalMilliseconds,12:F0} {rss / 1024.0 / 1024.0,12:F1}";
                Console.WriteLine(row + $"   (load {LoadAverage.Read()})");
                rows.Add(row);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                var row = $"{service,-18} failed: {e.Message.Split('\n')[0]}";
                Console.WriteLine(row);
                rows.Add(row);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"service",-18} {"ready (ms)",12} {"idle RSS MB",12}");
        Console.WriteLine(new string('-', 44));
        rows.ForEach(Console.WriteLine);
        Console.WriteLine($"(cold start = process start to /health 200; RSS after {idle.TotalSeconds:F0} s idle; whole-stack time: deploy/local/up.sh)");
        return 0;
    }

    private static int PortFrom(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : Shell.FreePort();
}
