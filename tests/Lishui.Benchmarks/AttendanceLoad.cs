using System.Net.Http.Json;
using Lishui.Contracts;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Lishui.Benchmarks;

/// <summary>
/// Party Building Tuesday attendance as Pairing would publish it: sessions of
/// <see cref="AttendeesPerSession"/> members (the session is the aggregate, so its events carry
/// sequences 1..n and the relay must keep them in order), each present member scoring through
/// the scheme of their own organisation. Many organisations, because every ledger entry takes the
/// next number of its scheme's sequence (an optimistic lock): one scheme would serialise everything.
/// </summary>
public sealed class AttendanceLoad(int organisations, int membersPerOrganisation = 50)
{
    public const int AttendeesPerSession = 20;
    public const string RuleCode = "tuesday-study";
    public const int Year = 2026;

    private static readonly Guid TownBranch = Guid.Parse("0193a1c0-0000-7000-8000-0000000000aa");

    public IReadOnlyList<Guid> Organisations { get; } = Enumerable.Range(0, organisations).Select(_ => Guid.CreateVersion7()).ToList();

    /// <summary>The events of the run, made up front so writing them measures only the outbox.</summary>
    public List<AttendanceRecorded> Make(int count)
    {
        var random = new Random(20260303);
        var events = new List<AttendanceRecorded>(count);
        var members = Organisations.SelectMany(o => Enumerable.Range(0, membersPerOrganisation).Select(_ => (Org: o, Member: Guid.CreateVersion7()))).ToArray();
        var now = DateTimeOffset.UtcNow;
        while (events.Count < count)
        {
            var session = Guid.CreateVersion7();
            var pairing = Guid.CreateVersion7();
            var heldOn = new DateOnly(Year, 1, 6).AddDays(7 * random.Next(0, 50));
            for (var seq = 1; seq <= AttendeesPerSession && events.Count < count; seq++)
            {
                var (org, member) = members[random.Next(members.Length)];
                events.Add(new AttendanceRecorded
                {
                    SessionId = session,
                    PairingId = pairing,
                    MemberId = member,
                    MemberOrganisationId = org,
                    HeldOn = heldOn,
                    Attendance = "Present",
                }.About(session, TownBranch, seq, now));
            }
        }

        return events;
    }

    /// <summary>One scheme per organisation through Assessment's API, with a rule that scores every attendance (no cap).</summary>
    public async Task CreateSchemesAsync(HttpClient assessment, CancellationToken ct)
    {
        await Parallel.ForEachAsync(Organisations, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (org, token) =>
        {
            using var response = await assessment.PostAsJsonAsync("/schemes", new
            {
                organisationId = org,
                year = Year,
                subjectType = "Member",
                total = 100,
                dimensions = new[]
                {
                    new { code = "daily-conduct", name = "日常行为规范", max = 20 },
                    new { code = "village-work", name = "配合村组开展工作", max = 20 },
                    new { code = "organisational-life", name = "参加组织生活", max = 20 },
                    new { code = "volunteer-service", name = "党员志愿服务", max = 20 },
                    new { code = "visiting-residents", name = "走访联系群众", max = 20 },
                },
                rules = new[]
                {
                    new { code = RuleCode, eventType = ContractCatalog.UrnOf(typeof(AttendanceRecorded)), dimension = "organisational-life", points = 1, capPerPeriod = (decimal?)null, period = "Year" },
                },
            }, token);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /schemes: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(token)}");
            }
        });
    }

    /// <summary>
    /// Writes the events to the producer's outbox, <paramref name="chunk"/> per transaction, from
    /// several writers. A chunk whose commit fails is written again; if it had in fact committed,
    /// the unique event id refuses the copy, so each event is in the outbox once.
    /// </summary>
    public static async Task WriteAsync(string producerDb, IReadOnlyList<AttendanceRecorded> events, int writers, int chunk, Action<int> written, CancellationToken ct)
    {
        var chunks = events.Chunk(chunk).ToList();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < chunks.Count)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await using var db = ProducerDbContext.Open(producerDb);
                        foreach (var e in chunks[i])
                        {
                            db.AddToOutbox(e);
                        }

                        await db.SaveChangesAsync(ct);
                        break;
                    }
                    catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                    {
                        break; // the earlier attempt committed after all
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested && attempt < 600 && e is DbUpdateException or NpgsqlException or InvalidOperationException)
                    {
                        await Task.Delay(500, ct); // database restarting
                    }
                }

                written(chunks[i].Length);
            }
        }, ct)));
    }

    /// <summary>Ledger entries scored from events, distinct events among them, and entries per rule (one each expected).</summary>
    public static async Task<(long Entries, long DistinctEvents)> LedgerAsync(string assessmentDb, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(assessmentDb);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT count(*), count(DISTINCT source_event_id) FROM ledger_entries WHERE rule_code = '{RuleCode}'", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The producing service: its outbox and the real relay, nothing else.</summary>
    public static async Task<IHost> StartProducerAsync(string producerDb, Uri broker, IDictionary<string, string?>? settings = null, CancellationToken ct = default)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ProducerDbContext.ConnectionName}"] = producerDb,
            [$"ConnectionStrings:{MessagingRegistration.BrokerConnectionName}"] = broker.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Lishui.Shared.Messaging"] = "Error",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddServiceDatabase<ProducerDbContext>(ProducerDbContext.ConnectionName);
        builder.AddPlatformMessaging<ProducerDbContext>("bench-producer");
        var host = builder.Build();
        await host.StartAsync(ct);
        return host;
    }
}
