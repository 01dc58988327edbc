using Lishui.Pairing.Domain;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class OrganisationPairingTests
{
    private static readonly PairedOrganisation Office = new(Guid.NewGuid(), "党建工作办党支部", false);
    private static readonly PairedOrganisation Hefeng = new(Guid.NewGuid(), "鹤峰村党委", false);

    private static OrganisationPairing Pair(PairedOrganisation organ, PairedOrganisation village, DateOnly startsOn, DateOnly? endsOn, params OrganisationPairing[] existing) =>
        OrganisationPairing.Create(Guid.NewGuid(), organ, village, startsOn, endsOn, "结对共建", 30, existing, DateTimeOffset.UtcNow);

    [Fact]
    public void An_organisation_cannot_pair_with_itself()
    {
        var refused = Assert.Throws<BusinessRuleViolation>(() => Pair(Office, Office, new DateOnly(2026, 1, 1), null));

        Assert.Equal("pairing.same-organisation", refused.Rule.Code);
    }

    [Fact]
    public void A_closed_organisation_cannot_be_paired()
    {
        var refused = Assert.Throws<BusinessRuleViolation>(() => Pair(Office, Hefeng with { IsClosed = true }, new DateOnly(2026, 1, 1), null));

        Assert.Equal("pairing.organisation-closed", refused.Rule.Code);
        Assert.Equal("villageCommitteeId", refused.Rule.Field);
    }

    [Fact]
    public void The_same_two_cannot_be_paired_for_overlapping_periods_but_may_pair_again_afterwards()
    {
        var first = Pair(Office, Hefeng, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        var refused = Assert.Throws<BusinessRuleViolation>(() => Pair(Office, Hefeng, new DateOnly(2026, 12, 31), null, first));
        var later = Pair(Office, Hefeng, new DateOnly(2027, 1, 1), null, first);

        Assert.Equal("pairing.overlapping", refused.Rule.Code);
        Assert.Equal(1, later.Version);
    }

    [Fact]
    public void An_ended_pairing_cannot_be_ended_again_or_publish_a_list()
    {
        var pairing = Pair(Office, Hefeng, new DateOnly(2026, 1, 1), null);
        pairing.End(new DateOnly(2026, 6, 30), DateTimeOffset.UtcNow);

        Assert.Equal("pairing.ended", Assert.Throws<BusinessRuleViolation>(() => pairing.End(new DateOnly(2026, 7, 1), DateTimeOffset.UtcNow)).Rule.Code);
        Assert.Equal("pairing.ended", Assert.Throws<BusinessRuleViolation>(() => pairing.PublishList([], DateTimeOffset.UtcNow)).Rule.Code);
        Assert.Equal(new DateOnly(2026, 6, 30), pairing.EndsOn);
    }
}
