using Lishui.Contracts.Membership;
using Lishui.Pairing.Domain;

namespace Lishui.Pairing.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class PairingListPlannerTests
{
    private static List<PairingCandidate> Members(int count, string status = "Full") =>
        Enumerable.Range(0, count).Select(_ => new PairingCandidate(Guid.NewGuid(), Enum.Parse<MemberStatus>(status))).ToList();

    private static IReadOnlyList<PlannedPair> Plan(List<PairingCandidate> organ, List<PairingCandidate> village, IEnumerable<PairingPin>? pins = null, IEnumerable<PlannedPair>? existing = null) =>
        PairingListPlanner.Plan(organ, village, pins ?? [], existing ?? []);

    private static Dictionary<Guid, int> Loads(IEnumerable<PlannedPair> pairs) =>
        pairs.GroupBy(p => p.OrganMemberId).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Ten_organ_members_and_86_village_members_each_get_8_or_9()
    {
        var organ = Members(10);
        var village = Members(86);

        var pairs = Plan(organ, village);

        Assert.Equal(86, pairs.Count);
        Assert.Equal(86, pairs.Select(p => p.VillageMemberId).Distinct().Count());
        var loads = Loads(pairs);
        Assert.Equal(10, loads.Count);
        Assert.All(loads.Values, n => Assert.InRange(n, 8, 9));
        Assert.Equal(6, loads.Values.Count(n => n == 9));
    }

    [Fact]
    public void A_village_member_joining_moves_no_existing_pair()
    {
        var organ = Members(10);
        var village = Members(86);
        var before = Plan(organ, village);

        village.Add(new PairingCandidate(Guid.NewGuid(), MemberStatus.Full));
        var after = Plan(organ, village, existing: before);

        Assert.Equal(0, PairingListPlanner.CountMoved(before, after));
        Assert.Equal(87, after.Count);
        Assert.All(Loads(after).Values, n => Assert.InRange(n, 8, 9));
    }

    [Fact]
    public void A_village_member_leaving_moves_at_most_one_pair()
    {
        var organ = Members(10);
        var village = Members(86);
        var before = Plan(organ, village);

        // Leaving from an organ member who had 8 forces the one move that rebalancing needs.
        var lightest = Loads(before).First(l => l.Value == 8).Key;
        var leaving = before.First(p => p.OrganMemberId == lightest).VillageMemberId;
        village.RemoveAll(v => v.MemberId == leaving);
        var after = Plan(organ, village, existing: before);

        Assert.Equal(85, after.Count);
        Assert.True(PairingListPlanner.CountMoved(before, after) <= 1);
        Assert.All(Loads(after).Values, n => Assert.InRange(n, 8, 9));
    }

    [Fact]
    public void An_organ_member_joining_takes_only_their_own_share_from_the_others()
    {
        var organ = Members(10);
        var village = Members(86);
        var before = Plan(organ, village);

        var newcomer = new PairingCandidate(Guid.NewGuid(), MemberStatus.Full);
        organ.Add(newcomer);
        var after = Plan(organ, village, existing: before);

        var loads = Loads(after);
        Assert.All(loads.Values, n => Assert.InRange(n, 7, 8));
        Assert.Equal(loads[newcomer.MemberId], PairingListPlanner.CountMoved(before, after));
    }

    [Fact]
    public void An_organ_member_leaving_moves_only_their_own_village_members()
    {
        var organ = Members(10);
        var village = Members(86);
        var before = Plan(organ, village);

        var leaving = organ[3].MemberId;
        var orphaned = before.Count(p => p.OrganMemberId == leaving);
        organ.RemoveAt(3);
        var after = Plan(organ, village, existing: before);

        Assert.Equal(orphaned, PairingListPlanner.CountMoved(before, after));
        Assert.All(Loads(after).Values, n => Assert.InRange(n, 9, 10));
    }

    [Fact]
    public void Secretary_pins_are_kept_and_the_rest_stays_balanced()
    {
        var organ = Members(10);
        var village = Members(86);
        var pins = village.Take(3).Select(v => new PairingPin(organ[0].MemberId, v.MemberId)).ToList();

        var pairs = Plan(organ, village, pins);

        Assert.All(pins, pin => Assert.Contains(pairs, p => p.VillageMemberId == pin.VillageMemberId && p.OrganMemberId == pin.OrganMemberId && p.Pinned));
        Assert.All(Loads(pairs).Values, n => Assert.InRange(n, 8, 9));
    }

    [Fact]
    public void Pins_beyond_a_fair_share_are_still_honoured_and_the_others_share_the_rest()
    {
        var organ = Members(2);
        var village = Members(10);
        var pins = village.Take(7).Select(v => new PairingPin(organ[0].MemberId, v.MemberId)).ToList();

        var loads = Loads(Plan(organ, village, pins));

        Assert.Equal(7, loads[organ[0].MemberId]);
        Assert.Equal(3, loads[organ[1].MemberId]);
    }

    [Fact]
    public void Members_not_in_good_standing_are_left_off_the_list()
    {
        var organ = Members(3).Append(new PairingCandidate(Guid.NewGuid(), MemberStatus.Withdrawn)).ToList();
        var village = Members(10).Concat(Members(2, "TransferredOut")).ToList();

        var pairs = Plan(organ, village);

        Assert.Equal(10, pairs.Count);
        Assert.Equal(3, Loads(pairs).Count);
        Assert.DoesNotContain(pairs, p => p.OrganMemberId == organ[3].MemberId);
    }

    [Fact]
    public void The_same_roll_gives_the_same_list_whatever_the_input_order()
    {
        var organ = Members(4);
        var village = Members(30);

        var first = Plan(organ, village);
        var second = Plan(Enumerable.Reverse(organ).ToList(), Enumerable.Reverse(village).ToList());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Regenerating_an_unchanged_roll_moves_nothing()
    {
        var organ = Members(10);
        var village = Members(86);
        var before = Plan(organ, village);

        Assert.Equal(0, PairingListPlanner.CountMoved(before, Plan(organ, village, existing: before)));
    }
}
