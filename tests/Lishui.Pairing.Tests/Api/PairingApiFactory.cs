using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Pairing.Data;
using Lishui.Pairing.Messaging;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

/// <summary>
/// The Pairing service in process, on a real PostgreSQL database of its own (migrated with the
/// service's migrations) and the real broker, with queues of its own that are deleted afterwards.
/// The outbox relay is left out so tests read the events exactly as the request wrote them, in the
/// outbox (the relay itself is covered by Lishui.Messaging.IntegrationTests); a subclass that
/// needs events on the broker keeps it (<see cref="WithOutboxRelay"/>). The background workers
/// are off unless a subclass turns them on.
/// </summary>
public class PairingApiFactory() : ServiceApiFactory<Program, PairingDbContext>("pairing", PairingDbContext.ConnectionName)
{
    protected virtual bool WithOutboxRelay => false;

    protected override bool RunOutboxRelay => WithOutboxRelay;

    /// <summary>An organisation in the local view, applied exactly as the consumer applies OrganisationCreated.</summary>
    public async Task<Guid> OrganisationAsync(string name, string kind = "Branch", Guid? parentId = null)
    {
        var id = Guid.CreateVersion7();
        await WithDbAsync(async db =>
        {
            await db.ApplyAsync(
                new OrganisationCreated { ParentId = parentId, Name = name, Kind = Enum.Parse<OrganisationKind>(kind), EconomicCooperative = null }.About(id, id, 1, DateTimeOffset.UtcNow),
                CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Members in the local view, applied exactly as the consumer applies MemberRegistered.</summary>
    public async Task<List<Guid>> MembersAsync(Guid organisationId, int count, string namePrefix, string status = "Full")
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        await WithDbAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                await db.ApplyAsync(
                    new MemberRegistered { MemberId = ids[i], Name = $"{namePrefix}{i + 1:00}", Status = Enum.Parse<MemberStatus>(status), JoinedOn = new DateOnly(2010, 7, 1) }
                        .About(ids[i], organisationId, 1, DateTimeOffset.UtcNow),
                    CancellationToken.None);
            }

            return await db.SaveChangesAsync();
        });
        return ids;
    }

    /// <summary>The events of one kind waiting in the outbox, deserialised as subscribers will see them.</summary>
    public Task<List<T>> OutboxAsync<T>()
        where T : IntegrationEvent =>
        WithDbAsync(async db =>
        {
            var urn = ContractCatalog.UrnOf(typeof(T));
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageUrn == urn).OrderBy(m => m.Id).ToListAsync();
            return rows.Select(r => JsonSerializer.Deserialize<T>(r.Payload, ContractJson.Options)!).ToList();
        });

    public Task<List<string>> OutboxPayloadsAsync<T>()
        where T : IntegrationEvent =>
        WithDbAsync(db =>
        {
            var urn = ContractCatalog.UrnOf(typeof(T));
            return db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageUrn == urn).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        });

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Messaging:Retry:RetryLimit", "10");
        builder.UseSetting("Messaging:Retry:MinInterval", "00:00:00.100");
        builder.UseSetting("Messaging:Retry:MaxInterval", "00:00:01");
        builder.UseSetting("Pairing:ContactOverdue:Enabled", "false");
        builder.UseSetting("Pairing:Reminders:Enabled", "false");
    }
}
