namespace Lishui.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Lishui.Benchmarks -- &lt;command&gt; [options]</c>:
/// throughput, latency, faults, footprint, portal. Each prints a table of figures; none is a test.
/// </summary>
public static class BenchmarkCommand
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["empty-api", ..])
        {
            return await EmptyApi.RunAsync();
        }

        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("""
                usage: Lishui.Benchmarks <command> [options]
                  throughput [--count 50000] [--organisations 200] [--writers 4] [--prefetch 128] [--concurrency 32] [--batch 500] [--warmup 20000] [--pipeline-only]
                  latency    [--rate 200] [--seconds 60] [--warmup-seconds 5]
                  faults     [--count 50000] [--only rabbitmq-kill|consumer-kill|postgres-restart|poison]
                  footprint  [--idle-seconds 10] [--env NAME=VALUE,...]
                  portal     --portal URL --assessment URL --projects URL --pairing URL [--keys FILE] [--readers 20] [--seconds 15]
                  portal-signed-in --portal URL --assessment URL --pairing URL --projects URL --notification URL [--user town-admin] [--users 20] [--think-ms 1000] [--seconds 15]
                PostgreSQL and RabbitMQ from LISHUI_TEST_POSTGRES / LISHUI_TEST_RABBITMQ (faults and footprint
                start throwaway servers of their own; ports from LISHUI_BENCH_FAULT_PG_PORTS / LISHUI_BENCH_FAULT_RMQ_PORTS).
                """);
            return 2;
        }

        var options = Options.Parse(args[1..]);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        Console.WriteLine($"load average at start: {LoadAverage.Read()}");
        var code = args[0] switch
        {
            "throughput" => await ThroughputBenchmark.RunAsync(options, stop.Token),
            "latency" => await LatencyBenchmark.RunAsync(options, stop.Token),
            "faults" => await FaultBenchmark.RunAsync(options, stop.Token),
            "footprint" => await FootprintBenchmark.RunAsync(options, stop.Token),
            "portal" => await PortalBenchmark.RunAsync(options, stop.Token),
            "portal-signed-in" => await SignedInPortalBenchmark.RunAsync(options, stop.Token),
            _ => Unknown(args[0]),
        };
        Console.WriteLine($"load average at end: {LoadAverage.Read()}");
        return code;
    }

    private static int Unknown(string command)
    {
        Console.Error.WriteLine($"unknown command '{command}' (throughput, latency, faults, footprint, portal, portal-signed-in)");
        return 2;
    }
}

/// <summary>--name value pairs.</summary>
public sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            values[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return new Options(values);
    }

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public string? String(string name) => values.GetValueOrDefault(name);
}

public static class LoadAverage
{
    public static string Read() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}

/// <summary>
/// CPU spent over a phase: by this process, and by the whole machine (every process and the kernel,
/// from /proc/stat), so a figure per request says what one costs, whatever the rate happened to be.
/// </summary>
public sealed class CpuMeter
{
    private readonly TimeSpan process = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan machine = MachineBusy();
    private readonly long started = System.Diagnostics.Stopwatch.GetTimestamp();

    public (TimeSpan Process, TimeSpan Machine, TimeSpan Elapsed) Read() =>
        (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - process, MachineBusy() - machine,
            System.Diagnostics.Stopwatch.GetElapsedTime(started));

    /// <summary>Busy time of all CPUs: everything on the first line of /proc/stat except idle and iowait (in USER_HZ, 1/100 s).</summary>
    private static TimeSpan MachineBusy()
    {
        if (!File.Exists("/proc/stat"))
        {
            return TimeSpan.Zero;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var busy = fields.Take(8).Sum() - fields[3] - fields[4]; // user nice system idle iowait irq softirq steal
        return TimeSpan.FromMilliseconds(busy * 10);
    }
}
