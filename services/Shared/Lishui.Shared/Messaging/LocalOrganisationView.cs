using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Shared.Data.Configurations;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Shared.Messaging;

/// <summary>
/// A service's own copy of Membership's organisation tree, built from its organisation events: which
/// members a subtree covers, which organisations lie above one (for a secretary's scope), and the
/// cooperatives and villages organisation schemes score.
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

    /// <summary>For each of several organisations, itself and every one above it, in one query.</summary>
    public static async Task<ILookup<Guid, Guid>> AncestorsAndSelfAsync(this DbContext db, IReadOnlyCollection<Guid> organisationIds, CancellationToken ct)
    {
        var ids = organisationIds.Distinct().ToArray();
        var rows = await db.Database.SqlQuery<OrganisationAbove>($"""
            WITH RECURSIVE up(origin, id, depth) AS (
                SELECT o, o, 0 FROM unnest({ids}) AS o
                UNION ALL
                SELECT up.origin, o.parent_id, up.depth + 1 FROM local_organisations o JOIN up ON o.organisation_id = up.id
                WHERE o.parent_id IS NOT NULL AND up.depth < 32)
            SELECT origin, id FROM up
            """).ToListAsync(ct);
        return rows.ToLookup(r => r.Origin, r => r.Id);
    }

    /// <summary>The organisation and every one above it (a member's organisation up to the town), nearest first.</summary>
    public static Task<List<Guid>> AncestorsAndSelfAsync(this DbContext db, Guid organisationId, CancellationToken ct) =>
        db.Database.SqlQuery<Guid>($"""
            WITH RECURSIVE up(id, depth) AS (
                SELECT {organisationId}::uuid, 0
                UNION ALL
                SELECT o.parent_id, up.depth + 1 FROM local_organisations o JOIN up ON o.organisation_id = up.id
                WHERE o.parent_id IS NOT NULL AND up.depth < 32)
            SELECT id AS "Value" FROM up ORDER BY depth
            """).ToListAsync(ct);

    /// <summary>The organisation and every organisation below it, from the local tree.</summary>
    public static async Task<HashSet<Guid>> SubtreeAsync(this DbContext db, Guid root, CancellationToken ct)
    {
        var edges = await db.Set<LocalOrganisation>().AsNoTracking()
            .Where(o => o.ParentId != null)
            .Select(o => new { o.OrganisationId, ParentId = o.ParentId!.Value })
            .ToListAsync(ct);
        var children = edges.ToLookup(x => x.ParentId, x => x.OrganisationId);
        var subtree = new HashSet<Guid> { root };
        var queue = new Queue<Guid>([root]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in children[next].Where(subtree.Add))
            {
                queue.Enqueue(child);
            }
        }

        return subtree;
    }

    /// <summary>A secretary's view of a resource in <paramref name="organisationId"/>: the organisation with its ancestors; null when unknown here.</summary>
    public static Task<Security.ResourceScope?> ScopeOfLocalOrganisationAsync(this DbContext db, Guid organisationId, Guid? memberId = null, CancellationToken ct = default) =>
        db.ScopeOfOrganisationAsync("local_organisations", "organisation_id", "parent_id", organisationId, memberId, ct);

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

/// <summary>A row of <see cref="LocalOrganisationView.AncestorsAndSelfAsync(DbContext, IReadOnlyCollection{Guid}, CancellationToken)"/>: an organisation above (or equal to) the one asked about.</summary>
public sealed record OrganisationAbove(Guid Origin, Guid Id);
