using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Shared.Data.Configurations;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

/// <summary>
/// A service's own copy of Membership's organisation tree, built from its organisation events: which
/// members a subtree covers, which organisations lie above one (for a secretary's scope), and the
/// cooperatives and villages organisation schemes score. <see cref="LocalDirectory"/> answers the
/// questions about the tree.
/// </summary>
public sealed class LocalOrganisation
{
    public Guid OrganisationId { get; init; }

    public Guid? ParentId { get; set; }

    public required string Name { get; set; }

    public required OrganisationKind Kind { get; set; }

    /// <summary>The economic cooperative of a party–mass group (经济社); null otherwise.</summary>
    public string? EconomicCooperative { get; set; }

    public bool Closed { get; set; }

    /// <summary>The organisation's event sequence last applied; older events are ignored.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A change arrived before the organisation's creation: retried (and parked in _error if it never comes), never dropped.</summary>
public sealed class OrganisationNotYetKnownException(Guid organisationId)
    : Exception($"Organisation {organisationId} is not known yet; its OrganisationCreated has not arrived.");

public static class LocalOrganisationView
{
    public static ModelBuilder AddLocalOrganisationView(this ModelBuilder model) => model.ApplyConfiguration(new LocalOrganisationConfiguration());

    public static async Task ApplyAsync(this DbContext db, OrganisationCreated e, CancellationToken ct)
    {
        if (await db.Set<LocalOrganisation>().FindAsync([e.AggregateId], ct) is null)
        {
            db.Set<LocalOrganisation>().Add(new LocalOrganisation
            {
                OrganisationId = e.AggregateId,
                ParentId = e.ParentId,
                Name = e.Name,
                Kind = e.Kind,
                EconomicCooperative = e.EconomicCooperative,
                Sequence = e.Sequence,
                UpdatedAt = e.OccurredAt,
            });
        }
    }

    public static Task ApplyAsync(this DbContext db, OrganisationRenamed e, CancellationToken ct) =>
        ChangeAsync(db, e, o => o.Name = e.Name, ct);

    public static Task ApplyAsync(this DbContext db, OrganisationMoved e, CancellationToken ct) =>
        ChangeAsync(db, e, o => o.ParentId = e.ParentId, ct);

    public static Task ApplyAsync(this DbContext db, OrganisationClosed e, CancellationToken ct) =>
        ChangeAsync(db, e, o => o.Closed = true, ct);

    private static async Task ChangeAsync(DbContext db, IntegrationEvent e, Action<LocalOrganisation> apply, CancellationToken ct)
    {
        var organisation = await db.Set<LocalOrganisation>().FindAsync([e.AggregateId], ct)
            ?? throw new OrganisationNotYetKnownException(e.AggregateId);
        if (organisation.Sequence >= e.Sequence)
        {
            return; // stale or repeated
        }

        apply(organisation);
        organisation.Sequence = e.Sequence;
        organisation.UpdatedAt = e.OccurredAt;
    }
}

/// <summary>Keeps a service's local organisation tree current (one class per event for every service).</summary>
public sealed class OrganisationCreatedProjection<TDbContext>(TDbContext db) : IdempotentConsumer<OrganisationCreated, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override string ConsumerName => "local-organisation-view:organisation-created";

    protected override Task HandleAsync(OrganisationCreated message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class OrganisationRenamedProjection<TDbContext>(TDbContext db) : IdempotentConsumer<OrganisationRenamed, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override string ConsumerName => "local-organisation-view:organisation-renamed";

    protected override Task HandleAsync(OrganisationRenamed message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class OrganisationMovedProjection<TDbContext>(TDbContext db) : IdempotentConsumer<OrganisationMoved, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override string ConsumerName => "local-organisation-view:organisation-moved";

    protected override Task HandleAsync(OrganisationMoved message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}

public sealed class OrganisationClosedProjection<TDbContext>(TDbContext db) : IdempotentConsumer<OrganisationClosed, TDbContext>(db)
    where TDbContext : DbContext
{
    protected override string ConsumerName => "local-organisation-view:organisation-closed";

    protected override Task HandleAsync(OrganisationClosed message, CancellationToken ct) => Db.ApplyAsync(message, ct);
}
