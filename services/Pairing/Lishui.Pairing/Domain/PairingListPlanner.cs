using Lishui.Contracts.Membership;

namespace Lishui.Pairing.Domain;

/// <summary>A member who could be on a pairing list; <see cref="Status"/> is the roll status from Membership.</summary>
public sealed record PairingCandidate(Guid MemberId, MemberStatus Status)
{
    /// <summary>Only members on the roll in good standing are paired (never withdrawn, transferred out, …).</summary>
    public bool IsEligible => Status.IsInGoodStanding();
}

/// <summary>A pair the organisation's secretary fixed by hand.</summary>
public sealed record PairingPin(Guid OrganMemberId, Guid VillageMemberId);

public sealed record PlannedPair(Guid OrganMemberId, Guid VillageMemberId, bool Pinned);

/// <summary>
/// 结对清单: assigns every eligible village member to one eligible organ member so that loads are
/// balanced (never more than one apart, pins allowing), pins are kept, and, on regeneration, as
/// few existing pairs as possible change hands.
/// </summary>
public static class PairingListPlanner
{
    public static IReadOnlyList<PlannedPair> Plan(
        IEnumerable<PairingCandidate> organMembers,
        IEnumerable<PairingCandidate> villageMembers,
        IEnumerable<PairingPin> pins,
        IEnumerable<PlannedPair> existing)
    {
        // Sorted ids make the result depend only on the inputs, never on their order.
        var organs = organMembers.Where(m => m.IsEligible).Select(m => m.MemberId).Distinct().Order().ToList();
        var villages = villageMembers.Where(m => m.IsEligible).Select(m => m.MemberId).Distinct().Order().ToList();
        if (organs.Count == 0 || villages.Count == 0)
        {
            return [];
        }

        var organSet = organs.ToHashSet();
        var villageSet = villages.ToHashSet();
        var assignment = new Dictionary<Guid, Guid>();
        var pinned = new HashSet<Guid>();
        foreach (var pin in pins.Where(p => organSet.Contains(p.OrganMemberId) && villageSet.Contains(p.VillageMemberId)))
        {
            assignment[pin.VillageMemberId] = pin.OrganMemberId;
            pinned.Add(pin.VillageMemberId);
        }

        foreach (var pair in existing.Where(p => organSet.Contains(p.OrganMemberId) && villageSet.Contains(p.VillageMemberId)))
        {
            assignment.TryAdd(pair.VillageMemberId, pair.OrganMemberId);
        }

        var targets = Targets(organs, villages.Count, assignment, pinned);

        // Keep what fits each target; an organ member over target gives up their latest unpinned pairs.
        var kept = new Dictionary<Guid, List<Guid>>();
        foreach (var organ in organs)
        {
            var own = assignment.Where(a => a.Value == organ).Select(a => a.Key)
                .OrderBy(v => pinned.Contains(v) ? 0 : 1).ThenBy(v => v).ToList();
            kept[organ] = own.Take(targets[organ]).ToList();
        }

        var placed = kept.Values.SelectMany(v => v).ToHashSet();
        foreach (var village in villages.Where(v => !placed.Contains(v)))
        {
            var organ = organs.MaxBy(o => targets[o] - kept[o].Count)!;
            kept[organ].Add(village);
        }

        return organs
            .SelectMany(o => kept[o].Select(v => new PlannedPair(o, v, pinned.Contains(v))))
            .OrderBy(p => p.OrganMemberId).ThenBy(p => p.VillageMemberId)
            .ToList();
    }

    /// <summary>Village members present before and after whose organ partner changed.</summary>
    public static int CountMoved(IEnumerable<PlannedPair> before, IEnumerable<PlannedPair> after)
    {
        var now = after.ToDictionary(p => p.VillageMemberId, p => p.OrganMemberId);
        return before.Count(p => now.TryGetValue(p.VillageMemberId, out var organ) && organ != p.OrganMemberId);
    }

    /// <summary>
    /// How many village members each organ member gets: water-filling from the pinned counts, one
    /// at a time to the lowest load; ties go to whoever already holds more pairs, so fewer move.
    /// </summary>
    private static Dictionary<Guid, int> Targets(List<Guid> organs, int villageCount, Dictionary<Guid, Guid> assignment, HashSet<Guid> pinned)
    {
        var current = organs.ToDictionary(o => o, _ => 0);
        var targets = organs.ToDictionary(o => o, _ => 0);
        foreach (var (village, organ) in assignment)
        {
            current[organ]++;
            if (pinned.Contains(village))
            {
                targets[organ]++;
            }
        }

        for (var left = villageCount - pinned.Count; left > 0; left--)
        {
            var next = organs
                .OrderBy(o => targets[o])
                .ThenByDescending(o => current[o] - targets[o])
                .First();
            targets[next]++;
        }

        return targets;
    }
}
