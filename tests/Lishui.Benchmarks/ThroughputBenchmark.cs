using System.Diagnostics;
using System.Globalization;
using Lishui.Assessment;
using Lishui.Assessment.Data;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using MassTransit;
using MassTransit.Configuration;
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

        Console.WriteLine("A: RabbitMQ.Client 7, confirms + manual ack, quorum queue ...");
        var a = await Baselines.RawRabbitMqAsync(servers.RabbitMq, count, (ushort)settings.Prefetch, ct);
        Console.WriteLine($"   {a:F0} msg/s   (load {LoadAverage.Read()})");

        Console.WriteLine("B: bare MassTransit publish → consume, quorum queue ...");
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
        Console.WriteLine($"  ledger entries {pipeline.Entries} for {pipeline.DistinctEvents} distinct events (duplicates {pipeline.Entries - pipeline.DistinctEvents})");
        Console.WriteLine($"targets: pipeline ≥ 5000 events/s {Verdict(pipeline.EventsPerSecond >= 5000)}, ≥ 25% of A {Verdict(pipeline.EventsPerSecond >= 0.25 * a)}, ≥ 50% of B {Verdict(pipeline.EventsPerSecond >= 0.5 * b)}");
        return 0;
    }

    private static string Percent(double ratio) => ratio.ToString("P0", CultureInfo.InvariantCulture);

    private static string Verdict(bool met) => met ? "met" : "NOT met";

    public sealed record PipelineResult(double EventsPerSecond, TimeSpan Written, TimeSpan Relayed, TimeSpan Completed, long Entries, long DistinctEvents);

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
            var events = load.Make(count);

            using var producer = await AttendanceLoad.StartProducerAsync(producerDb, servers.RabbitMq, settings.RelaySettings(), ct);
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

                var entries = await Servers.ScalarAsync(assessmentDb, $"SELECT count(*) FROM ledger_entries WHERE rule_code = '{AttendanceLoad.RuleCode}'", ct);
                if (writtenAt is not null && relayedAt is null && await Servers.ScalarAsync(producerDb, $"SELECT count(*) FROM {MessagingModel.OutboxTable}", ct) == 0)
                {
                    relayedAt = clock.Elapsed;
                }

                if (entries >= count)
                {
                    break;
                }

                if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(5))
                {
                    lastReport = clock.Elapsed;
                    Console.WriteLine($"   {clock.Elapsed.TotalSeconds,5:F0} s: written {written}, ledger {entries} ({entries / clock.Elapsed.TotalSeconds:F0}/s)");
                }

                if (clock.Elapsed > TimeSpan.FromMinutes(30))
                {
                    throw new TimeoutException($"pipeline incomplete after 30 minutes: {entries} of {count} ledger entries");
                }
            }

            var completed = clock.Elapsed;
            var (total, distinct) = await AttendanceLoad.LedgerAsync(assessmentDb, ct);
            await producer.StopAsync(CancellationToken.None);
            return new PipelineResult(count / completed.TotalSeconds, writtenAt ?? completed, relayedAt ?? completed, completed, total, distinct);
        }
        finally
        {
            await servers.DeleteQueuesAsync(AssessmentQueues(prefix));
            await servers.DropDatabaseAsync(producerDb);
            await servers.DropDatabaseAsync(assessmentDb);
        }
    }

    /// <summary>
    /// Every queue the Assessment service declares under <paramref name="prefix"/>, read from its own
    /// consumer registrations (a hand-kept list missed the governance-fact queues: each run left one
    /// bound to AttendanceRecorded with no consumer, and every later run's events piled up in it).
    /// </summary>
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
        var context = app.Services.GetRequiredService<IBusRegistrationContext>();
        return [.. app.Services.GetServices<IConsumerRegistration>()
            .Select(r => r.GetDefinition(context).GetEndpointName(context.EndpointNameFormatter))
            .Distinct()
            .SelectMany(q => new[] { q, $"{q}_error", $"{q}_skipped" })];
    }
}

/// <summary>The knobs the pipeline is tuned with, all of them configuration of the services (no code).</summary>
public sealed record PipelineSettings(int Organisations, int Writers, int Prefetch, int Concurrency, int RelayBatch, int RelayInFlight)
{
    public static PipelineSettings From(Options o) => new(
        o.Int("organisations", 200), o.Int("writers", 4), o.Int("prefetch", 128), o.Int("concurrency", 32), o.Int("batch", 500), o.Int("in-flight", 256));

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
        $"organisations={Organisations} writers={Writers} prefetch={Prefetch} concurrency={Concurrency} relay-batch={RelayBatch} relay-in-flight={RelayInFlight}";
}
