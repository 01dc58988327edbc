using System.Diagnostics;
using System.Globalization;
using Lishui.Assessment;
using Lishui.Assessment.Data;
using Lishui.Assessment.Messaging;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lishui.Benchmarks;

/// <summary>
/// Broker ceilings (A raw client, B bare MassTransit) and the platform pipeline, in one run:
/// attendance events committed to a producer's outbox → the real OutboxRelay → RabbitMQ → the
/// Assessment service's AttendanceRecorded consumer (in process, configured as deployed) →
/// ledger entries committed. Completion is counted in Assessment's database.
/// </summary>
public static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(Options options, CancellationToken ct)
    {
        var servers = Servers.FromEnvironment();
        var count = options.Int("count", 50_000);
        var settings = PipelineSettings.From(options);
        Console.WriteLine($"throughput: {count} events; pipeline {settings}");

        if (options.String("pipeline-only") is "true")
        {
            // For profiling the pipeline alone; the ratios need the baselines of the same run.
            var alone = await PipelineAsync(servers, count, settings, ct);
            Console.WriteLine($"pipeline alone: {alone.EventsPerSecond:F0} events/s, duplicates {alone.Entries - alone.DistinctEvents}, {alone.Batches} consumer transactions; relay drained at {alone.Relayed.TotalSeconds:F1} s");
            return 0;
        }

        // Each run starts warm, the baselines like the pipeline: a first pass of the same code, not counted.
        Console.WriteLine("A: RabbitMQ.Client 7, confirms + manual ack, quorum queue ...");
        if (settings.Warmup > 0)
        {
            await Baselines.RawRabbitMqAsync(servers.RabbitMq, settings.Warmup, (ushort)settings.Prefetch, ct);
        }

        var a = await Baselines.RawRabbitMqAsync(servers.RabbitMq, count, (ushort)settings.Prefetch, ct);
        Console.WriteLine($"   {a:F0} msg/s   (load {LoadAverage.Read()})");

        Console.WriteLine("B: bare MassTransit publish → consume, quorum queue ...");
        if (settings.Warmup > 0)
        {
            await Baselines.MassTransitAsync(servers.RabbitMq, settings.Warmup, (ushort)settings.Prefetch, ct);
        }

        var b = await Baselines.MassTransitAsync(servers.RabbitMq, count, (ushort)settings.Prefetch, ct);
        Console.WriteLine($"   {b:F0} msg/s   (load {LoadAverage.Read()})");

        Console.WriteLine("pipeline: outbox → relay → broker → Assessment consumer → ledger ...");
        var pipeline = await PipelineAsync(servers, count, settings, ct);
        Console.WriteLine($"   {pipeline.EventsPerSecond:F0} events/s   (load {LoadAverage.Read()})");

        Console.WriteLine();
        Console.WriteLine($"{"run",-44} {"events/s",10} {"of A",7} {"of B",7}");
        Console.WriteLine(new string('-', 71));
        Console.WriteLine($"{"A raw RabbitMQ.Client (confirms, manual ack)",-44} {a,10:F0}");
        Console.WriteLine($"{"B bare MassTransit",-44} {b,10:F0}");
        Console.WriteLine($"{"pipeline outbox→relay→Assessment→ledger",-44} {pipeline.EventsPerSecond,10:F0} {Percent(pipeline.EventsPerSecond / a),7} {Percent(pipeline.EventsPerSecond / b),7}");
        Console.WriteLine($"  outbox written in {pipeline.Written.TotalSeconds:F1} s, relay drained at {pipeline.Relayed.TotalSeconds:F1} s, ledger complete at {pipeline.Completed.TotalSeconds:F1} s");
        Console.WriteLine($"  ledger entries {pipeline.Entries} for {pipeline.DistinctEvents} distinct events (duplicates {pipeline.Entries - pipeline.DistinctEvents}); {pipeline.Batches} consumer transactions, {count / (double)Math.Max(1, pipeline.Batches):F1} events each");
        Console.WriteLine($"targets: pipeline ≥ 5000 events/s {Verdict(pipeline.EventsPerSecond >= 5000)}, ≥ 25% of A {Verdict(pipeline.EventsPerSecond >= 0.25 * a)}, ≥ 50% of B {Verdict(pipeline.EventsPerSecond >= 0.5 * b)}");
        return 0;
    }

    private static string Percent(double ratio) => ratio.ToString("P0", CultureInfo.InvariantCulture);

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    public sealed record PipelineResult(double EventsPerSecond, TimeSpan Written, TimeSpan Relayed, TimeSpan Completed, long Entries, long DistinctEvents, long Batches);

    /// <summary>Transactions the attendance consumer committed: a batch's inbox rows share the transaction's now().</summary>
    private static Task<long> BatchesAsync(string assessmentDb, CancellationToken ct) => Servers.ScalarAsync(
        assessmentDb, $"SELECT count(DISTINCT processed_at) FROM {MessagingModel.InboxTable} WHERE consumer = '{typeof(AttendanceRecordedConsumer).FullName}'", ct);

    public static async Task<PipelineResult> PipelineAsync(Servers servers, int count, PipelineSettings settings, CancellationToken ct)
    {
        var producerDb = await servers.CreateDatabaseAsync("bench_producer", ct);
        var assessmentDb = await servers.CreateDatabaseAsync("bench_assessment", ct);
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await ProducerDbContext.CreateSchemaAsync(producerDb);
            await using (var db = new AssessmentDbContext(new DbContextOptionsBuilder<AssessmentDbContext>().UseNpgsql(assessmentDb).Options))
            {
                await db.Database.MigrateAsync(ct);
            }

            await using var assessment = await InProcessService.StartAsync(
                settings.AssessmentSettings(assessmentDb, servers.RabbitMq, prefix), b => b.AddAssessment(), a => a.MapAssessmentApi(), ct);
            using (var ready = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                ready.CancelAfter(TimeSpan.FromMinutes(2));
                await assessment.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, ready.Token);
            }

            var load = new AttendanceLoad(settings.Organisations);
            await load.CreateSchemesAsync(assessment.Client, ct);
            using var producer = await AttendanceLoad.StartProducerAsync(producerDb, servers.RabbitMq, settings.RelaySettings(), ct);

            // A deployed service has long since compiled its hot paths. A cold one spends the first
            // tens of seconds of a 2-core machine in the JIT (its tiering thread took a quarter of the
            // process's CPU 30 s in, behind a 5,000-event warm-up), so the measured run starts warm.
            if (settings.Warmup > 0)
            {
                Console.WriteLine($"   warm-up: {settings.Warmup} events through the same pipeline (not counted)");
                await RunLoadAsync(load.Make(settings.Warmup), 0, quiet: true);
            }

            var batchesBefore = await BatchesAsync(assessmentDb, ct);
            var run = await RunLoadAsync(load.Make(count), settings.Warmup, quiet: false);
            var batches = await BatchesAsync(assessmentDb, ct) - batchesBefore;
            var (total, distinct) = await AttendanceLoad.LedgerAsync(assessmentDb, ct);
            await producer.StopAsync(CancellationToken.None);
            return new PipelineResult(count / run.Completed.TotalSeconds, run.Written, run.Relayed, run.Completed, total, distinct, batches);

            // Writes the events to the outbox and waits until the ledger holds them (on top of what it held).
            async Task<(TimeSpan Written, TimeSpan Relayed, TimeSpan Completed)> RunLoadAsync(List<AttendanceRecorded> events, long before, bool quiet)
            {
                var clock = Stopwatch.StartNew();
                var written = 0;
                var writing = AttendanceLoad.WriteAsync(producerDb, events, settings.Writers, 250, n => Interlocked.Add(ref written, n), ct);
                TimeSpan? writtenAt = null, relayedAt = null;
                var lastReport = TimeSpan.Zero;
                while (true)
                {
                    // Watching costs the database too (a count over the growing ledger): twice a second is enough.
                    await Task.Delay(500, ct);
                    if (writing.IsCompleted)
                    {
                        await writing;
                        writtenAt ??= clock.Elapsed;
                    }

                    var entries = await Servers.ScalarAsync(assessmentDb, $"SELECT count(*) FROM ledger_entries WHERE rule_code = '{AttendanceLoad.RuleCode}'", ct) - before;
                    if (writtenAt is not null && relayedAt is null && await Servers.ScalarAsync(producerDb, $"SELECT count(*) FROM {MessagingModel.OutboxTable}", ct) == 0)
                    {
                        relayedAt = clock.Elapsed;
                    }

                    if (entries >= events.Count)
                    {
                        return (writtenAt ?? clock.Elapsed, relayedAt ?? clock.Elapsed, clock.Elapsed);
                    }

                    if (!quiet && clock.Elapsed - lastReport >= TimeSpan.FromSeconds(5))
                    {
                        lastReport = clock.Elapsed;
                        // The thread pool's queue shows whether the consumer waits for a thread rather than for the database.
                        Console.WriteLine($"   {clock.Elapsed.TotalSeconds,5:F0} s: written {written}, ledger {entries} ({entries / clock.Elapsed.TotalSeconds:F0}/s); " +
                            $"thread pool {ThreadPool.ThreadCount} threads, {ThreadPool.PendingWorkItemCount} queued");
                    }

                    if (clock.Elapsed > TimeSpan.FromMinutes(30))
                    {
                        throw new TimeoutException($"pipeline incomplete after 30 minutes: {entries} of {events.Count} ledger entries");
                    }
                }
            }
        }
        finally
        {
            await servers.DeleteQueuesAsync(AssessmentQueues(prefix));
            await servers.DropDatabaseAsync(producerDb);
            await servers.DropDatabaseAsync(assessmentDb);
        }
    }

    /// <summary>Every queue the Assessment service declares under <paramref name="prefix"/>.</summary>
    public static IReadOnlyList<string> AssessmentQueues(string prefix)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Benchmark" });
        builder.Configuration.AddInMemoryCollection(TestTokens.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:EndpointPrefix"] = prefix,
            [$"ConnectionStrings:{AssessmentDbContext.ConnectionName}"] = "Host=localhost",
            [$"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}"] = "amqp://localhost/",
        });
        builder.AddAssessment();
        using var app = builder.Build(); // never started: nothing connects
        return ServiceQueues.Declared(app.Services);
    }
}

/// <summary>The knobs the pipeline is tuned with, all of them configuration of the services (no code).</summary>
public sealed record PipelineSettings(int Organisations, int Writers, int Prefetch, int Concurrency, int RelayBatch, int RelayInFlight, int Warmup)
{
    public static PipelineSettings From(Options o) => new(
        o.Int("organisations", 200), o.Int("writers", 4), o.Int("prefetch", 128), o.Int("concurrency", 32), o.Int("batch", 500), o.Int("in-flight", 256), o.Int("warmup", 20_000));

    public Dictionary<string, string?> AssessmentSettings(string database, Uri broker, string prefix) => new()
    {
        [$"ConnectionStrings:{AssessmentDbContext.ConnectionName}"] = database,
        [$"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}"] = broker.ToString(),
        ["Messaging:EndpointPrefix"] = prefix,
        ["Messaging:Retry:PrefetchCount"] = Prefetch.ToString(CultureInfo.InvariantCulture),
        ["Messaging:Retry:ConcurrentMessageLimit"] = Concurrency.ToString(CultureInfo.InvariantCulture),
        // A scheme's ledger sequence is an optimistic lock: concurrent entries for one scheme retry at once, not after 200 ms.
        ["Messaging:Retry:MinInterval"] = "00:00:00.010",
        ["Messaging:Retry:RetryLimit"] = "10",
        ["Messaging:Outbox:BatchSize"] = RelayBatch.ToString(CultureInfo.InvariantCulture),
        ["Messaging:Outbox:MaxConcurrentPublishes"] = RelayInFlight.ToString(CultureInfo.InvariantCulture),
    };

    public Dictionary<string, string?> RelaySettings() => new()
    {
        ["Messaging:Outbox:BatchSize"] = RelayBatch.ToString(CultureInfo.InvariantCulture),
        ["Messaging:Outbox:MaxConcurrentPublishes"] = RelayInFlight.ToString(CultureInfo.InvariantCulture),
    };

    public override string ToString() =>
        $"organisations={Organisations} writers={Writers} prefetch={Prefetch} concurrency={Concurrency} relay-batch={RelayBatch} relay-in-flight={RelayInFlight} warmup={Warmup}";
}
