using Lishui.Shared.Data;
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

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.Entity<Effect>(e =>
        {
            e.ToTable("effects");
            e.HasKey(x => x.EventId);
        });
    }

    /// <summary>Schema as the migrations would make it, including the outbox NOTIFY trigger.</summary>
    public async Task CreateSchemaAsync()
    {
        await Database.EnsureCreatedAsync();
        await Database.ExecuteSqlRawAsync(MessagingModel.CreateOutboxNotifyTriggerSql);
    }
}
