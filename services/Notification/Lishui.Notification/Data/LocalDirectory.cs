using Lishui.Contracts.Membership;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Data;

/// <summary>An office a member holds in an organisation, from Membership's role events (to find secretaries and committees).</summary>
public sealed class LocalRole
{
    public const string Secretary = "Secretary";

    public static readonly string[] CommitteeRoles = ["Secretary", "DeputySecretary", "CommitteeMember"];

    public Guid MemberId { get; init; }

    public Guid OrganisationId { get; init; }

    public required string Role { get; init; }

    public bool Active { get; set; }

    /// <summary>Sequence of the last role event applied, so a late revocation cannot undo a newer assignment.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The organisation tree, from Membership's events (to reach every member under an organisation).</summary>
public sealed class LocalOrganisation
{
    public Guid OrganisationId { get; init; }

    public Guid? ParentId { get; set; }

    public required string Name { get; set; }

    public long Sequence { get; set; }
}

public static class LocalDirectory
{
    public static async Task ApplyAsync(this NotificationDbContext db, Guid memberId, Guid organisationId, string role, bool active, long sequence, DateTimeOffset at, CancellationToken ct)
    {
        var row = await db.Roles.FindAsync([memberId, organisationId, role], ct);
        if (row is null)
        {
            db.Roles.Add(new LocalRole { MemberId = memberId, OrganisationId = organisationId, Role = role, Active = active, Sequence = sequence, UpdatedAt = at });
        }
        else if (row.Sequence < sequence)
        {
            row.Active = active;
            row.Sequence = sequence;
            row.UpdatedAt = at;
        }
    }

    public static async Task ApplyAsync(this NotificationDbContext db, OrganisationCreated e, CancellationToken ct)
    {
        if (await db.Organisations.FindAsync([e.OrganisationId], ct) is null)
        {
            db.Organisations.Add(new LocalOrganisation { OrganisationId = e.OrganisationId, ParentId = e.ParentId, Name = e.Name, Sequence = e.Sequence });
        }
    }

    public static async Task ApplyAsync(this NotificationDbContext db, OrganisationMoved e, CancellationToken ct)
    {
        var organisation = await db.Organisations.FindAsync([e.OrganisationId], ct)
            ?? throw new InvalidOperationException($"Organisation {e.OrganisationId} is not in this service's view yet (OrganisationCreated not received).");
        if (organisation.Sequence < e.Sequence)
        {
            organisation.ParentId = e.ParentId;
            organisation.Sequence = e.Sequence;
        }
    }

    /// <summary>
    /// The secretary of the organisation or, when it has none, of the nearest organisation above it that has
    /// one (a party–mass group without a secretary is answered by its branch, a branch by its village).
    /// </summary>
    /// <returns>The organisation whose secretary answers and its secretary; null when none up to the town has one.</returns>
    public static async Task<(Guid Organisation, List<Guid> Members)?> NearestSecretaryAsync(this NotificationDbContext db, Guid organisationId, CancellationToken ct)
    {
        var chain = await db.Database.SqlQuery<Guid>($"""
            WITH RECURSIVE up(id, depth) AS (
              SELECT {organisationId}::uuid, 0
              UNION ALL
              SELECT o.parent_id, up.depth + 1 FROM local_organisations o JOIN up ON o.organisation_id = up.id
              WHERE o.parent_id IS NOT NULL AND up.depth < 50)
            SELECT id AS "Value" FROM up ORDER BY depth
            """).ToListAsync(ct);
        var holders = await db.Roles.AsNoTracking()
            .Where(r => chain.Contains(r.OrganisationId) && r.Active && r.Role == LocalRole.Secretary)
            .Select(r => new { r.OrganisationId, r.MemberId })
            .ToListAsync(ct);
        foreach (var organisation in chain)
        {
            var secretaries = holders.Where(h => h.OrganisationId == organisation).Select(h => h.MemberId).Distinct().ToList();
            if (secretaries.Count > 0)
            {
                return (organisation, secretaries);
            }
        }

        return null;
    }

    /// <summary>
    /// Everyone holding a committee office (secretary, deputy, committee member) in the organisation, wherever
    /// they are registered: Membership records the office's organisation, so a member of a branch who sits on
    /// the village committee is found here.
    /// </summary>
    public static Task<List<Guid>> CommitteeOfAsync(this NotificationDbContext db, Guid organisationId, CancellationToken ct) =>
        db.Roles.AsNoTracking()
            .Where(r => r.OrganisationId == organisationId && r.Active && CommitteeRoleNames.Contains(r.Role))
            .Select(r => r.MemberId).Distinct().ToListAsync(ct);

    private static readonly string[] CommitteeRoleNames = LocalRole.CommitteeRoles;

    /// <summary>The organisation and every organisation under it (a town tree has a few hundred: read it whole).</summary>
    public static async Task<HashSet<Guid>> SubtreeAsync(this NotificationDbContext db, Guid organisationId, CancellationToken ct)
    {
        var edges = await db.Organisations.AsNoTracking().Select(o => new { o.OrganisationId, o.ParentId }).ToListAsync(ct);
        var children = edges.Where(e => e.ParentId is not null).ToLookup(e => e.ParentId!.Value, e => e.OrganisationId);
        var result = new HashSet<Guid> { organisationId };
        var queue = new Queue<Guid>([organisationId]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var child in children[current])
            {
                if (result.Add(child))
                {
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }
}
