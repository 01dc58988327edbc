using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// Assessment's own copy of the organisation tree, built from Membership's organisation events: it
/// decides which members a scheme's subtree covers, and it lists the cooperatives and villages that
/// organisation schemes score.
/// </summary>
public sealed class LocalOrganisation
{
    public const string PartyCommittee = "PartyCommittee";
    public const string PartyMassGroup = "PartyMassGroup";

    public Guid OrganisationId { get; init; }

    public Guid? ParentId { get; set; }

    public required string Name { get; set; }

    public required string Kind { get; set; }

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
            e.Property(x => x.EconomicCooperative).HasColumnName("economic_cooperative").HasMaxLength(100);
            e.Property(x => x.Closed).HasColumnName("closed");
            e.Property(x => x.Sequence).HasColumnName("sequence");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            e.HasIndex(x => x.ParentId);
        });
        return model;
    }

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
