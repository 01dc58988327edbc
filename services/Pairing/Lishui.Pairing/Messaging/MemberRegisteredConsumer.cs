using Lishui.Contracts.Membership;
using Lishui.Pairing.Data;
using Lishui.Shared.Messaging;

namespace Lishui.Pairing.Messaging;

/// <summary>Keeps this service's view of the member roll current.</summary>
public sealed class MemberRegisteredConsumer(PairingDbContext db) : IdempotentConsumer<MemberRegistered, PairingDbContext>(db)
{
    protected override Task HandleAsync(MemberRegistered message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
