using Lishui.Contracts.Membership;
using Lishui.Pairing.Data;
using Lishui.Shared.Messaging;

namespace Lishui.Pairing.Messaging;

/// <summary>Keeps this service's view of the organisation tree current (one consumer per event, one inbox each).</summary>
public sealed class OrganisationCreatedConsumer(PairingDbContext db) : IdempotentConsumer<OrganisationCreated, PairingDbContext>(db)
{
    protected override Task HandleAsync(OrganisationCreated message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class OrganisationRenamedConsumer(PairingDbContext db) : IdempotentConsumer<OrganisationRenamed, PairingDbContext>(db)
{
    protected override Task HandleAsync(OrganisationRenamed message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class OrganisationMovedConsumer(PairingDbContext db) : IdempotentConsumer<OrganisationMoved, PairingDbContext>(db)
{
    protected override Task HandleAsync(OrganisationMoved message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class OrganisationClosedConsumer(PairingDbContext db) : IdempotentConsumer<OrganisationClosed, PairingDbContext>(db)
{
    protected override Task HandleAsync(OrganisationClosed message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
