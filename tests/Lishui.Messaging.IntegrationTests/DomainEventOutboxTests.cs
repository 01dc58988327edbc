using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Messaging.IntegrationTests;

/// <summary>The interceptor that turns what aggregates record into outbox rows of the same SaveChanges.</summary>
[Collection(MessagingCollection.Name)]
public sealed class DomainEventOutboxTests(MessagingFixture fixture) : IAsyncLifetime
{
    private string database = string.Empty;

    public async Task InitializeAsync()
    {
        database = await fixture.Infrastructure.CreateDatabaseAsync("domainevents");
        await using var db = ServiceHost.OpenDb(database);
        await db.CreateSchemaAsync();
    }

    public Task DisposeAsync() => fixture.Infrastructure.DropDatabaseAsync(database);

    [Fact]
    public async Task An_aggregates_events_are_written_with_it_and_then_cleared()
    {
        var entry = RollEntry.Register("李明", DateTimeOffset.UtcNow);
        entry.Rename("李明远", DateTimeOffset.UtcNow);
        var recorded = entry.DomainEvents.ToList();

        await using (var db = ServiceHost.OpenDb(database))
        {
            db.RollEntries.Add(entry);
            await db.SaveChangesAsync();
            Assert.Empty(entry.DomainEvents);

            // Nothing recorded since: a second save writes no row twice.
            await db.SaveChangesAsync();
        }

        var rows = await OutboxAsync();
        Assert.Equal(recorded.Select(e => e.EventId), rows.Select(r => r.EventId));
        Assert.All(rows, r => Assert.Equal(entry.Id, r.AggregateId));
        Assert.Equal([ContractCatalog.UrnOf(typeof(MemberRegistered)), ContractCatalog.UrnOf(typeof(MemberDetailsChanged))], rows.Select(r => r.MessageUrn));
        Assert.Equal([1L, 2L], recorded.Select(e => e.Sequence));
    }

    [Fact]
    public async Task The_rows_share_the_aggregates_transaction()
    {
        await using (var db = ServiceHost.OpenDb(database))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.RollEntries.Add(RollEntry.Register("王芳", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }

        Assert.Empty(await OutboxAsync());
        Assert.Equal(0, await CountEntriesAsync());

        await using (var db = ServiceHost.OpenDb(database))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.RollEntries.Add(RollEntry.Register("王芳", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        Assert.Single(await OutboxAsync());
        Assert.Equal(1, await CountEntriesAsync());
    }

    [Fact]
    public async Task A_failed_save_writes_neither_the_aggregate_nor_its_events()
    {
        var taken = Guid.CreateVersion7();
        await using (var db = ServiceHost.OpenDb(database))
        {
            db.Effects.Add(new Effect { EventId = taken, Name = "已有" });
            await db.SaveChangesAsync();
        }

        await using (var db = ServiceHost.OpenDb(database))
        {
            db.RollEntries.Add(RollEntry.Register("赵强", DateTimeOffset.UtcNow));
            // The same key again: the whole SaveChanges fails at the database.
            db.Effects.Add(new Effect { EventId = taken, Name = "重复" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Empty(await OutboxAsync());
        Assert.Equal(0, await CountEntriesAsync());
    }

    [Fact]
    public async Task A_synchronous_save_writes_the_events_too()
    {
        await using (var db = ServiceHost.OpenDb(database))
        {
            db.RollEntries.Add(RollEntry.Register("陈静", DateTimeOffset.UtcNow));
            db.SaveChanges();
        }

        Assert.Single(await OutboxAsync());
    }

    [Fact]
    public void An_event_without_its_metadata_is_refused_when_recorded()
    {
        var entry = RollEntry.Register("周丽华", DateTimeOffset.UtcNow);

        var refused = Assert.Throws<InvalidOperationException>(entry.RecordUnstamped);
        Assert.Contains(nameof(MemberDetailsChanged), refused.Message);
        Assert.Single(entry.DomainEvents);
    }

    private async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = ServiceHost.OpenDb(database);
        return await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<int> CountEntriesAsync()
    {
        await using var db = ServiceHost.OpenDb(database);
        return await db.RollEntries.CountAsync();
    }
}
