using Lishui.Pairing.Domain;
using Lishui.Pairing.Messaging;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Data;

public sealed record ExpectedMember(Guid MemberId, string Name, Guid OrganisationId);

/// <summary>
/// The weekly sessions on the calendar. A week's session is written the first time anyone needs it
/// (setting the schedule, the reminder worker's horizon, a skip or move, a view of that week); the
/// insert ignores a week already there, so replicas and retries never make two.
/// </summary>
public static class StudyCalendarStore
{
    public static async Task<int> EnsureWeeksAsync(this PairingDbContext db, IReadOnlyCollection<OrganisationPairing> pairings, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var due = pairings
            .Where(p => p.HasStudySchedule)
            .SelectMany(p => TownCalendar.Tuesdays(from, to).Where(p.StudiesInWeekOf).Select(tuesday => (Pairing: p, Tuesday: tuesday)))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(d => d.Pairing.Id).Distinct().ToList();
        var (first, last) = (due.Min(d => d.Tuesday), due.Max(d => d.Tuesday));
        var existing = (await db.ScheduledSessions.AsNoTracking()
            .Where(s => ids.Contains(s.PairingId) && s.WeekOf >= first && s.WeekOf <= last)
            .Select(s => new { s.PairingId, s.WeekOf })
            .ToListAsync(ct))
            .Select(s => (s.PairingId, s.WeekOf))
            .ToHashSet();

        var added = 0;
        foreach (var (pairing, tuesday) in due.Where(d => !existing.Contains((d.Pairing.Id, d.Tuesday))))
        {
            var s = ScheduledStudySession.Plan(Guid.CreateVersion7(), pairing.Id, tuesday, pairing.StudyTime!.Value,
                pairing.StudyDurationMinutes ?? OrganisationPairing.DefaultStudyDurationMinutes, pairing.StudyPlace!);
            added += await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO scheduled_study_sessions (id, pairing_id, week_of, on_date, starts_at, ends_at, place, skipped, moved, version)
                VALUES ({s.Id}, {s.PairingId}, {s.WeekOf}, {s.On}, {s.StartsAt}, {s.EndsAt}, {s.Place}, false, false, 0)
                ON CONFLICT (pairing_id, week_of) DO NOTHING
                """, ct);
        }

        return added;
    }

    /// <summary>The session of a group's week, locked for this transaction (a reminder is not sent for a time being changed).</summary>
    public static Task<ScheduledStudySession?> LockWeekAsync(this PairingDbContext db, Guid pairingId, DateOnly weekOf, CancellationToken ct) =>
        db.ScheduledSessions
            .FromSql($"SELECT * FROM scheduled_study_sessions WHERE pairing_id = {pairingId} AND week_of = {weekOf} FOR UPDATE")
            .AsAsyncEnumerable().FirstOrDefaultAsync(ct).AsTask();

    /// <summary>
    /// Serialises calendar changes that involve the same organisations, so two moves cannot both
    /// pass the collision check into the same slot. Locks in id order: no deadlocks.
    /// </summary>
    public static async Task LockOrganisationsAsync(this PairingDbContext db, IEnumerable<Guid> organisationIds, CancellationToken ct)
    {
        foreach (var id in organisationIds.Distinct().Order())
        {
            var key = $"pairing-calendar:{id}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
        }
    }

    /// <summary>Pairings that share an organisation with <paramref name="pairing"/> (itself included).</summary>
    public static Task<List<OrganisationPairing>> RelatedPairingsAsync(this PairingDbContext db, OrganisationPairing pairing, CancellationToken ct)
    {
        Guid[] orgs = [pairing.OrganBranchId, pairing.VillageCommitteeId];
        return db.OrganisationPairings.AsNoTracking()
            .Where(p => orgs.Contains(p.OrganBranchId) || orgs.Contains(p.VillageCommitteeId))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Who is expected at a group's session: the members on its pairing list (both organisations)
    /// still eligible and still in either organisation's subtree; before a list is published, every
    /// eligible member of both.
    /// </summary>
    public static async Task<List<ExpectedMember>> ExpectedMembersAsync(this PairingDbContext db, OrganisationPairing pairing, CancellationToken ct)
    {
        var organ = await db.SubtreeAsync(pairing.OrganBranchId, ct);
        var village = await db.SubtreeAsync(pairing.VillageCommitteeId, ct);
        var group = (await db.Members.AsNoTracking()
                .Where(m => organ.Contains(m.OrganisationId) || village.Contains(m.OrganisationId))
                .Select(m => new { m.MemberId, m.Name, m.OrganisationId, m.Status })
                .ToListAsync(ct))
            .Where(m => new PairingCandidate(m.MemberId, m.Status).IsEligible);
        if (pairing.ListRevision > 0)
        {
            var pairs = await db.MemberPairs.AsNoTracking()
                .Where(p => p.PairingId == pairing.Id && p.EndedOn == null)
                .Select(p => new { p.OrganMemberId, p.VillageMemberId })
                .ToListAsync(ct);
            var listed = pairs.SelectMany(p => new[] { p.OrganMemberId, p.VillageMemberId }).ToHashSet();
            group = group.Where(m => listed.Contains(m.MemberId));
        }

        return group.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.MemberId)
            .Select(m => new ExpectedMember(m.MemberId, m.Name, m.OrganisationId)).ToList();
    }
}
