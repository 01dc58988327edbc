using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Lishui.Assessment.Data;
using Lishui.Contracts;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace Lishui.Benchmarks.Faults;

public enum FaultScenario
{
    /// <summary>kill -9 of the broker mid-load, restarted on its data a few seconds later.</summary>
    RabbitMqKill,

    /// <summary>kill -9 of the consuming service (Assessment) mid-load, started again.</summary>
    ConsumerKill,

    /// <summary>PostgreSQL (both services' databases) shut down and started again mid-load.</summary>
    PostgresRestart,

    /// <summary>1% of the messages are poison: they must all end in the consumer's _error queue.</summary>
    Poison,
}

public sealed record FaultResult(FaultScenario Scenario, int Sent, long Received, long Lost, long DuplicatedEffects, int Poison, long PoisonInError, long OutboxLeft, TimeSpan Took)
{
    public bool Clean => Lost == 0 && DuplicatedEffects == 0 && PoisonInError == Poison && OutboxLeft == 0;

    public static string Header => $"{"scenario",-18} {"sent",7} {"received",9} {"lost",6} {"dup-effects",12} {"poison",7} {"in _error",10} {"outbox",7} {"took",7}";

    public override string ToString() =>
        $"{Name(Scenario),-18} {Sent,7} {Received,9} {Lost,6} {DuplicatedEffects,12} {Poison,7} {PoisonInError,10} {OutboxLeft,7} {Took.TotalSeconds,6:F0}s";

    public static string Name(FaultScenario s) => s switch
    {
        FaultScenario.RabbitMqKill => "rabbitmq-kill",
        FaultScenario.ConsumerKill => "consumer-kill",
        FaultScenario.PostgresRestart => "postgres-restart",
        _ => "poison",
    };
}

/// <summary>
/// One fault run: attendance events through a producer's outbox and the real relay to the
/// Assessment service run as its own process (<c>dotnet Lishui.Assessment.dll</c>), on throwaway
/// servers, with one fault injected when about a third of the load has been scored. Sent = events
/// committed to the outbox; received = distinct events with a ledger entry; duplicated effects =
/// ledger entries beyond one per event.
/// </summary>
public sealed class FaultRun(ThrowawayPostgres postgres, ThrowawayRabbitMq rabbit, string workDir, Action<string> log)
{
    private static readonly Dictionary<string, string> ConsumerSettings = new()
    {
        ["Messaging__Retry__PrefetchCount"] = "64",
        ["Messaging__Retry__ConcurrentMessageLimit"] = "16",
        ["Messaging__Retry__MinInterval"] = "00:00:00.050",
    };

    public async Task<FaultResult> RunAsync(FaultScenario scenario, int count, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var servers = new Servers(postgres.Server, rabbit.Uri);
        var producerDb = await servers.CreateDatabaseAsync("fault_producer", ct);
        var assessmentDb = await servers.CreateDatabaseAsync("fault_assessment", ct);
        var prefix = "fault" + Guid.NewGuid().ToString("N")[..8];
        await ProducerDbContext.CreateSchemaAsync(producerDb);
        await using (var db = new AssessmentDbContext(new DbContextOptionsBuilder<AssessmentDbContext>().UseNpgsql(assessmentDb).Options))
        {
            await db.Database.MigrateAsync(ct);
        }

        var env = new Dictionary<string, string>(ConsumerSettings)
        {
            [$"ConnectionStrings__{AssessmentDbContext.ConnectionName}"] = assessmentDb,
            [$"ConnectionStrings__{MessagingRegistration.BrokerConnectionName}"] = rabbit.Uri.ToString(),
            ["Messaging__EndpointPrefix"] = prefix,
        };
        var assessmentLog = Path.Combine(workDir, $"{prefix}-assessment.log");
        await using var assessment = new ServiceProcess("Assessment", env, assessmentLog);
        await assessment.StartAsync(TimeSpan.FromMinutes(3));
        var load = new AttendanceLoad(organisations: Math.Clamp(count / 250, 4, 200));
        await load.CreateSchemesAsync(assessment.Client, ct);
        var events = load.Make(count);
        var poison = scenario == FaultScenario.Poison ? Math.Max(1, count / 100) : 0;

        using var producer = await AttendanceLoad.StartProducerAsync(producerDb, rabbit.Uri, ct: ct);
        var written = 0;
        var writing = AttendanceLoad.WriteAsync(producerDb, events, writers: 2, chunk: 100, n => Interlocked.Add(ref written, n), ct);
        var poisoning = poison > 0 ? PublishPoisonAsync(rabbit.Uri, poison, count, () => Volatile.Read(ref written), ct) : Task.CompletedTask;

        var faulted = false;
        var (entries, distinct) = (0L, 0L);
        var lastProgress = clock.Elapsed;
        var lastReport = TimeSpan.Zero;
        while (distinct < count)
        {
            await Task.Delay(250, ct);
            try
            {
                var now = await AttendanceLoad.LedgerAsync(assessmentDb, ct);
                if (now.DistinctEvents > distinct)
                {
                    lastProgress = clock.Elapsed;
                }

                (entries, distinct) = now;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
            {
                // the database is restarting
            }

            if (!faulted && distinct >= count / 3)
            {
                faulted = true;
                log($"  {clock.Elapsed.TotalSeconds:F0}s: {FaultResult.Name(scenario)} at {distinct} scored, {written} written");
                await InjectAsync(scenario, assessment);
                log($"  {clock.Elapsed.TotalSeconds:F0}s: recovered from {FaultResult.Name(scenario)}");
                lastProgress = clock.Elapsed;
            }

            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
            {
                lastReport = clock.Elapsed;
                log($"  {clock.Elapsed.TotalSeconds:F0}s: written {written}, scored {distinct}");
            }

            if (writing.IsCompleted && clock.Elapsed - lastProgress > TimeSpan.FromSeconds(90))
            {
                log($"  no progress for 90 s: stopping at {distinct} of {count}");
                break;
            }
        }

        await writing;
        await poisoning;
        // A publish whose confirm timed out stays in the outbox until the relay's backoff sends it
        // again (the consumer then drops the copy): wait for the relay to finish, not a fixed time.
        await WaitForAsync(() => Servers.ScalarAsync(producerDb, $"SELECT count(*) FROM {MessagingModel.OutboxTable}", ct), n => n == 0, TimeSpan.FromSeconds(120));
        await Task.Delay(TimeSpan.FromSeconds(3), ct); // a late duplicate would land now
        (entries, distinct) = await AttendanceLoad.LedgerAsync(assessmentDb, ct);
        var inError = poison > 0
            ? await WaitForAsync(() => servers.CountMessagesAsync($"{prefix}-attendance-recorded_error"), n => n >= poison, TimeSpan.FromSeconds(120))
            : await servers.CountMessagesAsync($"{prefix}-attendance-recorded_error");
        var outboxLeft = await Servers.ScalarAsync(producerDb, $"SELECT count(*) FROM {MessagingModel.OutboxTable}", ct);
        await producer.StopAsync(CancellationToken.None);
        await assessment.StopAsync();
        await servers.DeleteQueuesAsync(ThroughputBenchmark.AssessmentQueues(prefix));
        await servers.DropDatabaseAsync(producerDb);
        await servers.DropDatabaseAsync(assessmentDb);
        var result = new FaultResult(scenario, written, distinct, written - distinct, entries - distinct, poison, inError, outboxLeft, clock.Elapsed);
        if (!result.Clean)
        {
            log($"  first failures in {assessmentLog}:");
            foreach (var line in FirstFailures(assessmentLog, poison > 0))
            {
                log("    " + line);
            }
        }

        return result;
    }

    /// <summary>The service's first logged failures (a fail: line and the message under it), poison refusals left out when poison was sent.</summary>
    private static IEnumerable<string> FirstFailures(string logFile, bool poisonSent)
    {
        var lines = File.Exists(logFile) ? File.ReadAllLines(logFile) : [];
        return lines
            .Select((line, i) => (line, next: i + 2 < lines.Length ? lines[i + 2].Trim() : string.Empty))
            .Where(x => x.line.StartsWith("fail:", StringComparison.Ordinal) && !(poisonSent && x.next.Contains("JsonException", StringComparison.Ordinal)))
            .Take(5)
            .Select(x => $"{x.line} {x.next}");
    }

    private async Task InjectAsync(FaultScenario scenario, ServiceProcess assessment)
    {
        switch (scenario)
        {
            case FaultScenario.RabbitMqKill:
                await rabbit.KillAsync();
                await Task.Delay(TimeSpan.FromSeconds(3));
                await rabbit.RestartAsync();
                break;
            case FaultScenario.ConsumerKill:
                await assessment.KillAsync();
                await Task.Delay(TimeSpan.FromSeconds(2));
                await assessment.StartAsync(TimeSpan.FromMinutes(3));
                break;
            case FaultScenario.PostgresRestart:
                await postgres.RestartAsync();
                break;
            case FaultScenario.Poison:
                break;
        }
    }

    /// <summary>
    /// Messages no consumer can ever process, as a faulty producer would send them: the attendance
    /// contract's envelope with the member left out. Published raw to the contract's exchange.
    /// </summary>
    private static async Task PublishPoisonAsync(Uri broker, int poison, int count, Func<int> written, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = broker, AutomaticRecoveryEnabled = true };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), ct);
        var exchange = ContractEntityNameFormatter.ExchangeNameOf(typeof(AttendanceRecorded));
        var urn = "urn:message:" + ContractCatalog.UrnOf(typeof(AttendanceRecorded)).Replace("urn:message:", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < poison; i++)
        {
            var id = Guid.CreateVersion7();
            var envelope = new
            {
                messageId = id,
                messageType = new[] { urn },
                contentType = "application/json",
                sentTime = DateTimeOffset.UtcNow,
                message = new { eventId = id, occurredAt = DateTimeOffset.UtcNow, aggregateId = id, organisationId = id, sequence = 1, attendance = "Present" },
            };
            var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope));
            var properties = new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json", MessageId = id.ToString() };
            await channel.BasicPublishAsync(exchange, string.Empty, false, properties, body, ct);
            while (written() < (long)count * (i + 1) / (poison + 1))
            {
                await Task.Delay(20, ct); // mixed in among the load: one after every hundred events written
            }
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            T value;
            try
            {
                value = await probe();
            }
            catch (Npgsql.NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                // A pooled connection from before a restart the run itself caused (57P01): not an answer yet.
                Npgsql.NpgsqlConnection.ClearAllPools();
                await Task.Delay(500);
                continue;
            }

            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(500);
        }
    }

    public static string Describe(FaultResult r) => r.ToString() + (r.Clean ? "  ok" : "  FAILED");
}
