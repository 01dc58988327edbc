using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Messaging;

/// <summary>Pairing's own copy of the organisation tree, built from Membership's organisation events.</summary>
public sealed class LocalOrganisation
{
    public Guid OrganisationId { get; init; }

    public Guid? ParentId { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

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
    public static ModelBuilder AddLocalOrganisationView(this ModelBuilder model)
    {
        model.Entity<LocalOrganisation>(e =>
        {
            e.ToTable("local_organisations");
            e.HasKey(x => x.OrganisationId);
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.ParentId).HasColumnName("parent_id");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(100);
            e.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(30);
            e.Property(x => x.Closed).HasColumnName("closed");
            e.Property(x => x.Sequence).HasColumnName("sequence");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            e.HasIndex(x => x.ParentId);
        });
        return model;
    }

    public static async Task ApplyAsync(this DbContext db, OrganisationCreated e, CancellationToken ct)
    {
        var organisation = await db.Set<LocalOrganisation>().FindAsync([e.AggregateId], ct);
        if (organisation is null)
        {
            db.Set<LocalOrganisation>().Add(new LocalOrganisation
            {
                OrganisationId = e.AggregateId,
                ParentId = e.ParentId,
                Name = e.Name,
                Kind = e.Kind,
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
