using Lishui.Benchmarks.Faults;

namespace Lishui.Benchmarks;

/// <summary>
/// Each of the five services as its own process (<c>dotnet Lishui.X.dll</c>, built with this
/// configuration) on throwaway servers: cold start to /health 200, then resident memory after
/// idling. Migrations run first (<c>Lishui.X.dll migrate</c>), outside the timing. The floor is an
/// empty minimal API (<see cref="EmptyApi"/>) started the same way, with the services' GC and JIT
/// settings (from their runtimeconfig.json), in the same run. <c>--env A=1,B=2</c> sets environment
/// variables for every process (e.g. <c>DOTNET_gcServer=1</c> to compare a GC setting).
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
        // --from DIR: published services (DIR/Membership/Lishui.Membership.dll…), e.g. ReadyToRun, instead of the build output.
        var from = options.String("from");
        string Dll(string service) => from is null ? Repository.ServiceDll(service) : Path.Combine(from, service, $"Lishui.{service}.dll");
        var work = Path.Combine(Path.GetTempPath(), "lishui-footprint-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        File.SetUnixFileMode(work, File.GetUnixFileMode(work) | UnixFileMode.OtherExecute);
        var name = "foot" + Guid.NewGuid().ToString("N")[..6];
        await using var postgres = new ThrowawayPostgres(name, PortFrom("LISHUI_BENCH_FAULT_PG_PORT"), Path.Combine(work, "pg"));
        await using var rabbit = new ThrowawayRabbitMq(name, PortFrom("LISHUI_BENCH_FAULT_RMQ_PORT"), Path.Combine(work, "rmq"));
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        var servers = new Servers(postgres.Server, rabbit.Uri);
        var extra = (options.String("env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);

        var rows = new List<string>();
        var floorEnv = new Dictionary<string, string>(RuntimeSettingsOf(Dll("Membership"))) { [StartupLog] = "Information" };
        foreach (var (k, v) in extra)
        {
            floorEnv[k] = v;
        }

        await using (var floor = new ServiceProcess("floor", floorEnv, Path.Combine(work, "floor.log"),
                         typeof(EmptyApi).Assembly.Location, ["empty-api"]))
        {
            var ready = await floor.StartAsync(TimeSpan.FromMinutes(3));
            await Task.Delay(idle, ct);
            var row = $"{"(floor: empty API)",-18} {ready.TotalMilliseconds,12:F0} {await StartCostAsync(Path.Combine(work, "floor.log")),26} {floor.RssBytes() / 1024.0 / 1024.0,12:F1} {MemoryProfile.Of(floor.Pid!.Value)}";
            Console.WriteLine(row + $"   (load {LoadAverage.Read()}; {string.Join(' ', floorEnv.Where(e => e.Key != StartupLog).Select(e => $"{e.Key}={e.Value}"))})");
            rows.Add(row);
        }

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
                    [StartupLog] = "Information",
                    // Membership encrypts personal data and refuses to start without a key (from the secret store in production).
                    ["PersonalData__EncryptionKey"] = LatencyBenchmark.RandomKey(),
                    ["PersonalData__HashKey"] = LatencyBenchmark.RandomKey(),
                };
                foreach (var (k, v) in extra)
                {
                    env[k] = v;
                }

                await Shell.RunAsync("dotnet", [Dll(service), "migrate"], env, TimeSpan.FromMinutes(3));
                await using var process = new ServiceProcess(service, env, Path.Combine(work, $"{service}.log"), Dll(service));
                var ready = await process.StartAsync(TimeSpan.FromMinutes(3));
                await Task.Delay(idle, ct);
                var rss = process.RssBytes();
                var row = $"{service,-18} {ready.TotalMilliseconds,12:F0} {await StartCostAsync(Path.Combine(work, $"{service}.log")),26} {rss / 1024.0 / 1024.0,12:F1} {MemoryProfile.Of(process.Pid!.Value)}";
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
        Console.WriteLine($"{"service",-18} {"ready (ms)",12} {"CPU ms / JIT methods",26} {"idle RSS MB",12} {MemoryProfile.Header}");
        Console.WriteLine(new string('-', 137));
        rows.ForEach(Console.WriteLine);
        Console.WriteLine($"(cold start = process start to /health 200; RSS after {idle.TotalSeconds:F0} s idle; whole-stack time: deploy/local/up.sh)");
        Console.WriteLine("(CPU ms / JIT methods: the process's CPU time until its first healthy answer and the methods the JIT compiled by then, as the process logs them)");
        Console.WriteLine("(RSS by mapping, from /proc/PID/smaps: managed assemblies and how many, native libraries, JIT-compiled code, anonymous = GC heap + native heap + stacks)");
        return 0;
    }

    // The one line each process logs at its first healthy answer (StartupReport in ServiceDefaults).
    private const string StartupLog = "Logging__LogLevel__" + StartupReport.Category;

    private static readonly System.Text.RegularExpressions.Regex ReadyLine =
        new(@"CPU (\d+) ms; JIT (\d+) methods in (\d+) ms", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>"CPU ms / JIT methods" from the process's startup line; the console logger writes it a moment after the answer.</summary>
    private static async Task<string> StartCostAsync(string logFile)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var text = File.Exists(logFile) ? await File.ReadAllTextAsync(logFile) : string.Empty;
            var match = ReadyLine.Match(text);
            if (match.Success)
            {
                return $"{match.Groups[1].Value} / {match.Groups[2].Value}";
            }

            await Task.Delay(100);
        }

        return "(not logged)";
    }

    /// <summary>The GC and JIT settings of a built service (its runtimeconfig.json) as the environment variables that set them.</summary>
    private static Dictionary<string, string> RuntimeSettingsOf(string serviceDll)
    {
        var names = new Dictionary<string, string>
        {
            ["System.GC.Server"] = "DOTNET_gcServer",
            ["System.GC.Concurrent"] = "DOTNET_gcConcurrent",
            ["System.GC.ConserveMemory"] = "DOTNET_GCConserveMemory",
            ["System.GC.DynamicAdaptationMode"] = "DOTNET_GCDynamicAdaptationMode",
            ["System.Runtime.TieredPGO"] = "DOTNET_TieredPGO",
            ["System.Runtime.TieredCompilation"] = "DOTNET_TieredCompilation",
            ["System.Runtime.TieredCompilation.QuickJitForLoops"] = "DOTNET_TC_QuickJitForLoops",
        };
        var settings = new Dictionary<string, string>();
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(serviceDll, ".runtimeconfig.json")));
        if (config?["runtimeOptions"]?["configProperties"] is System.Text.Json.Nodes.JsonObject properties)
        {
            foreach (var (name, value) in properties)
            {
                if (names.TryGetValue(name, out var variable) && value is not null)
                {
                    var text = value.ToJsonString();
                    settings[variable] = text switch { "true" => "1", "false" => "0", _ => text.Trim('"') };
                }
            }
        }

        return settings;
    }

    private static int PortFrom(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : Shell.FreePort();
}
