using Lishui.Shared.Messaging;
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

/// <summary>
/// Notification's addition to the shared local directory (<see cref="Lishui.Shared.Messaging.LocalDirectory"/>):
/// the offices members hold, to find the secretary and the committee a message is for.
/// </summary>
public static class LocalRoles
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

    /// <summary>
    /// The secretary of the organisation or, when it has none, of the nearest organisation above it that has
    /// one (a party–mass group without a secretary is answered by its branch, a branch by its village).
    /// </summary>
    /// <returns>The organisation whose secretary answers and its secretary; null when none up to the town has one.</returns>
    public static async Task<(Guid Organisation, List<Guid> Members)?> NearestSecretaryAsync(this NotificationDbContext db, Guid organisationId, CancellationToken ct)
    {
        var chain = await db.AncestorsAndSelfAsync(organisationId, ct);
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
}
