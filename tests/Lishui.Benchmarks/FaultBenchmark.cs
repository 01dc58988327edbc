using Lishui.Benchmarks.Faults;

namespace Lishui.Benchmarks;

/// <summary>
/// The fault runs on throwaway servers of their own (never the shared ones): PostgreSQL on
/// LISHUI_BENCH_FAULT_PG_PORT, RabbitMQ on LISHUI_BENCH_FAULT_RMQ_PORT (free ports when unset).
/// </summary>
public static class FaultBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var count = options.Int("count", 50_000);
        var only = options.String("only");
        var scenarios = Enum.GetValues<FaultScenario>().Where(s => only is null || FaultResult.Name(s) == only).ToList();
        var results = await RunScenariosAsync(scenarios, count, Console.WriteLine, ct);
        Console.WriteLine();
        Console.WriteLine(FaultResult.Header);
        Console.WriteLine(new string('-', FaultResult.Header.Length));
        foreach (var r in results)
        {
            Console.WriteLine(FaultRun.Describe(r));
        }

        return results.All(r => r.Clean) ? 0 : 1;
    }

    public static async Task<List<FaultResult>> RunScenariosAsync(IEnumerable<FaultScenario> scenarios, int count, Action<string> log, CancellationToken ct)
    {
        var work = Path.Combine(Path.GetTempPath(), "lishui-faults-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        File.SetUnixFileMode(work, File.GetUnixFileMode(work) | UnixFileMode.OtherExecute);
        var pgPort = PortFrom("LISHUI_BENCH_FAULT_PG_PORT");
        var rmqPort = PortFrom("LISHUI_BENCH_FAULT_RMQ_PORT");
        var name = "fault" + Guid.NewGuid().ToString("N")[..6];
        log($"throwaway servers in {work}: PostgreSQL :{pgPort}, RabbitMQ :{rmqPort}");
        await using var postgres = new ThrowawayPostgres(name, pgPort, Path.Combine(work, "pg"));
        await using var rabbit = new ThrowawayRabbitMq(name, rmqPort, Path.Combine(work, "rmq"));
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        var results = new List<FaultResult>();
        foreach (var scenario in scenarios)
        {
            log($"{FaultResult.Name(scenario)}: {count} events ...");
            var result = await new FaultRun(postgres, rabbit, work, log).RunAsync(scenario, count, ct);
            log($"  {FaultRun.Describe(result)}   (load {LoadAverage.Read()})");
            results.Add(result);
        }

        return results;
    }

    private static int PortFrom(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), out var port) ? port : Faults.Shell.FreePort();
}
