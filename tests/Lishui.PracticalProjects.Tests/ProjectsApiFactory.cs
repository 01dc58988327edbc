using System.Collections.Concurrent;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.PracticalProjects.Data;
using Lishui.PracticalProjects.Messaging;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Lishui.PracticalProjects.Tests;

/// <summary>PracticalProjects in process on its own real database and its own queue names on the real broker.</summary>
public class ProjectsApiFactory() : ServiceApiFactory<Program, ProjectsDbContext>("projects", ProjectsDbContext.ConnectionName)
{
    private readonly ConcurrentDictionary<string, List<JsonElement>> drained = new();

    /// <summary>里水镇党委, which the tests name by this fixed id; on the local tree from the start.</summary>
    public static readonly Guid Town = Guid.Parse("0193a1c0-0000-7000-8000-000000000010");

    /// <summary>鹤峰村党委 (under the town), which the tests name by this fixed id; on the local tree from the start.</summary>
    public static readonly Guid Hefeng = Guid.Parse("0193a1c0-0000-7000-8000-000000000001");

    public string Prefix => EndpointPrefix;

    /// <summary>
    /// Projects and requests need an organisation the service knows: the town and Hefeng arrive as
    /// Membership's OrganisationCreated would have put them there before the service started.
    /// </summary>
    protected override async Task SeedAsync(ProjectsDbContext db)
    {
        await db.ApplyAsync(Created(Town, null, "里水镇党委"), CancellationToken.None);
        await db.ApplyAsync(Created(Hefeng, Town, "鹤峰村党委"), CancellationToken.None);
        await db.SaveChangesAsync();
    }

    private static OrganisationCreated Created(Guid id, Guid? parentId, string name) =>
        new OrganisationCreated { ParentId = parentId, Name = name, Kind = OrganisationKind.PartyCommittee, EconomicCooperative = null }.About(id, id, 1, DateTimeOffset.UtcNow);

    /// <summary>A queue of the test's own bound to a contract's exchange, as an outside subscriber would bind it.</summary>
    public async Task<string> SubscribeAsync(Type contract)
    {
        var queue = $"{Prefix}-{Guid.NewGuid():N}"[..30];
        var factory = new ConnectionFactory { Uri = Infrastructure.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var exchange = ContractEntityNameFormatter.ExchangeNameOf(contract);
        await channel.ExchangeDeclareAsync(exchange, "fanout", durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, string.Empty);
        ExtraQueues.Add(queue);
        return queue;
    }

    /// <summary>
    /// The events that arrived on a test queue so far (the message inside MassTransit's envelope), about one
    /// aggregate: the broker is shared, so other tests' events of the same kind may be there too.
    /// </summary>
    public async Task<List<JsonElement>> EventsAboutAsync(string queue, Guid aggregateId)
    {
        var factory = new ConnectionFactory { Uri = Infrastructure.RabbitMq };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var list = drained.GetOrAdd(queue, _ => []);
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            lock (list)
            {
                list.Add(envelope.RootElement.GetProperty("message").Clone());
            }
        }

        lock (list)
        {
            return list.Where(m => m.GetProperty("aggregateId").GetGuid() == aggregateId).ToList();
        }
    }

    /// <summary>Waits until <paramref name="expected"/> events about the aggregate arrived, then a little longer to see no more come.</summary>
    public async Task<List<JsonElement>> ExactlyAsync(string queue, Guid aggregateId, int expected, string because)
    {
        await Eventually.MatchAsync(() => EventsAboutAsync(queue, aggregateId), e => e.Count >= expected, because: because);
        await Task.Delay(700);
        var events = await EventsAboutAsync(queue, aggregateId);
        Assert.True(events.Count == expected, $"{because}: expected {expected} events, got {events.Count}");
        return events;
    }

    /// <summary>Adds an organisation to this service's local tree the way OrganisationCreated does.</summary>
    public async Task<Guid> CreateOrganisationAsync(Guid? parentId, string name, string kind = "PartyCommittee")
    {
        var id = Guid.CreateVersion7();
        await WithDbAsync(async db =>
        {
            await db.ApplyAsync(new OrganisationCreated { ParentId = parentId, Name = name, Kind = Enum.Parse<OrganisationKind>(kind), EconomicCooperative = null }.About(id, id, 1, DateTimeOffset.UtcNow), CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Puts households of a party–mass group on the local register the way Membership's HouseholdRegistered does.</summary>
    public async Task<List<Guid>> RegisterHouseholdsAsync(Guid group, string economicCooperative, int count, string headPrefix = "户主")
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        await WithDbAsync(async db =>
        {
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                await db.ApplyAsync(new HouseholdRegistered { HouseholdId = id, HeadName = $"{headPrefix}{i + 1:00}", MembersCount = 4, EconomicCooperative = economicCooperative }
                    .About(id, group, 1, DateTimeOffset.UtcNow), CancellationToken.None);
            }

            return await db.SaveChangesAsync();
        });
        return ids;
    }

    /// <summary>Puts members on the local roll the way MemberRegistered does.</summary>
    public async Task<Guid[]> RegisterMembersAsync(params (Guid Organisation, string Name)[] members)
    {
        var ids = members.Select(_ => Guid.CreateVersion7()).ToArray();
        await WithDbAsync(async db =>
        {
            foreach (var (id, (organisation, name)) in ids.Zip(members))
            {
                await db.ApplyAsync(new MemberRegistered { MemberId = id, Name = name, Status = MemberStatus.Full, JoinedOn = new DateOnly(2010, 7, 1) }
                    .About(id, organisation, 1, DateTimeOffset.UtcNow), CancellationToken.None);
            }

            return await db.SaveChangesAsync();
        });
        return ids;
    }

    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Projects:Overdue:Enabled", "false");
}

/// <summary>A clock the test moves by hand; timers still tick in real time.</summary>
public sealed class AdjustableClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}

/// <summary>The overdue worker running every 200 ms on a clock the test moves.</summary>
public sealed class OverdueWorkerFactory : ProjectsApiFactory
{
    public AdjustableClock Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Projects:Overdue:Enabled", "true");
        builder.UseSetting("Projects:Overdue:Interval", "00:00:00.200");
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
    }
}
