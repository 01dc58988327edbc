using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Shared.Data;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Messaging.IntegrationTests;

/// <summary>A consumer's observable effect: one row per applied event.</summary>
public sealed class Effect
{
    public Guid EventId { get; init; }

    public required string Name { get; init; }

    public string? TraceId { get; init; }

    public DateTimeOffset AppliedAt { get; init; }
}

/// <summary>A service-shaped database: outbox, inbox and one table of effects.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ServiceDbContext(options)
{
    public const string ConnectionName = "testdb";

    public DbSet<Effect> Effects => Set<Effect>();

    public DbSet<RollEntry> RollEntries => Set<RollEntry>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.Entity<Effect>(e =>
        {
            e.ToTable("effects");
            e.HasKey(x => x.EventId);
        });
        model.Entity<RollEntry>(e =>
        {
            e.ToTable("roll_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
    }

    /// <summary>Schema as the migrations would make it, including the outbox NOTIFY trigger.</summary>
    public async Task CreateSchemaAsync()
    {
        await Database.EnsureCreatedAsync();
        await Database.ExecuteSqlRawAsync(MessagingModel.CreateOutboxNotifyTriggerSql);
    }
}

/// <summary>An aggregate as the services write them: its methods record the events they publish.</summary>
public sealed class RollEntry : AggregateRoot
{
    public static readonly Guid Organisation = Guid.Parse("0193a5c0-0000-7000-8000-000000000001");

    private RollEntry()
    {
        Name = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public static RollEntry Register(string name, DateTimeOffset now)
    {
        var entry = new RollEntry { Id = Guid.CreateVersion7(now), Name = name };
        entry.Record(new MemberRegistered { MemberId = entry.Id, Name = name, Status = MemberStatus.Full, JoinedOn = new DateOnly(2020, 7, 1) }, entry.Id, Organisation, now);
        return entry;
    }

    public void Rename(string name, DateTimeOffset now)
    {
        Name = name;
        Record(new MemberDetailsChanged { MemberId = Id, ChangedFields = ["name"], Name = name }, Id, Organisation, now);
    }

    /// <summary>An event without its metadata, which the aggregate must refuse.</summary>
    public void RecordUnstamped() => AddDomainEvent(new MemberDetailsChanged { MemberId = Id, ChangedFields = [], Name = null });
}
