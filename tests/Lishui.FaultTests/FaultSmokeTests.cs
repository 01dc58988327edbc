using Lishui.Benchmarks;
using Lishui.Benchmarks.Faults;
using Xunit.Abstractions;

namespace Lishui.FaultTests;

/// <summary>
/// The fault runs of <c>Lishui.Benchmarks faults</c> with a small load, as tests: each starts its
/// own throwaway PostgreSQL and RabbitMQ on free ports (never the shared test servers, which it
/// kills and restarts), runs the Assessment service as a process and asserts that nothing is lost
/// and nothing applied twice. One class per fault so xunit runs them side by side.
/// </summary>
public abstract class FaultSmokeTest(ITestOutputHelper output)
{
    public const int Count = 500;

    protected async Task RunAsync(FaultScenario scenario)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var result = Assert.Single(await FaultBenchmark.RunScenariosAsync([scenario], Count, output.WriteLine, timeout.Token));
        var line = $"{FaultResult.Header}\n{FaultRun.Describe(result)}";
        output.WriteLine(line);

        // Each message names the figure and carries the whole row, so a CI log's last line says what went wrong.
        Assert.True(result.Sent == Count, $"sent {result.Sent} of {Count}\n{line}");
        Assert.True(result.Lost == 0, $"lost {result.Lost}\n{line}");
        Assert.True(result.DuplicatedEffects == 0, $"duplicated effects {result.DuplicatedEffects}\n{line}");
        Assert.True(result.Poison == result.PoisonInError, $"{result.PoisonInError} in _error, {result.Poison} poison sent\n{line}");
        Assert.True(result.OutboxLeft == 0, $"{result.OutboxLeft} rows left in the producer's outbox\n{line}");
    }
}

public sealed class RabbitMqKilledMidLoad(ITestOutputHelper output) : FaultSmokeTest(output)
{
    [Fact]
    public Task Broker_killed_and_restarted_mid_load_loses_nothing_and_applies_nothing_twice() => RunAsync(FaultScenario.RabbitMqKill);
}

public sealed class ConsumerKilledMidLoad(ITestOutputHelper output) : FaultSmokeTest(output)
{
    [Fact]
    public Task Consuming_service_killed_and_restarted_mid_load_loses_nothing_and_applies_nothing_twice() => RunAsync(FaultScenario.ConsumerKill);
}

public sealed class PostgresRestartedMidLoad(ITestOutputHelper output) : FaultSmokeTest(output)
{
    [Fact]
    public Task Database_restarted_mid_load_loses_nothing_and_applies_nothing_twice() => RunAsync(FaultScenario.PostgresRestart);
}

public sealed class PoisonMixedIn(ITestOutputHelper output) : FaultSmokeTest(output)
{
    [Fact]
    public Task One_percent_poison_all_end_in_the_error_queue_and_the_rest_is_delivered_once() => RunAsync(FaultScenario.Poison);
}
