using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Benchmarks;

/// <summary>
/// The producing side of the pipeline: a service database with nothing but the platform's outbox
/// (and inbox) tables and the NOTIFY trigger, as Pairing's would have them.
/// </summary>
public sealed class ProducerDbContext(DbContextOptions<ProducerDbContext> options) : ServiceDbContext(options)
{
    public const string ConnectionName = "producerdb";

    protected override void OnModelCreating(ModelBuilder model) => model.AddMessagingTables();

    public static ProducerDbContext Open(string database) =>
        new(new DbContextOptionsBuilder<ProducerDbContext>().UseNpgsql(database).Options);

    public static async Task CreateSchemaAsync(string database)
    {
        await using var db = Open(database);
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync(MessagingModel.CreateOutboxNotifyTriggerSql);
    }
}
