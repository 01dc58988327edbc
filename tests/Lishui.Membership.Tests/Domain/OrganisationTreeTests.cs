using Lishui.Contracts.Membership;
using Lishui.Membership.Domain.Organisations;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Tests.Domain;

[Trait("Category", "Unit")]
public sealed class OrganisationTreeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static Organisation New(string name, OrganisationKind kind, Organisation? parent, string? cooperative = null) =>
        Organisation.Create(new OrganisationId(Guid.CreateVersion7()), name, kind, parent, cooperative, Now);

    private static (Organisation Town, Organisation Hefeng, Organisation Branch, Organisation Gaobian) Lishui()
    {
        var town = New("里水镇党委", OrganisationKind.PartyCommittee, null);
        var hefeng = New("鹤峰村党委", OrganisationKind.PartyCommittee, town);
        var branch = New("鹤峰村第一党支部", OrganisationKind.Branch, hefeng);
        var gaobian = New("高边党群小组", OrganisationKind.PartyMassGroup, branch, "高边经济社");
        return (town, hefeng, branch, gaobian);
    }

    [Fact]
    public void A_subtree_is_everything_whose_path_starts_with_the_root_path()
    {
        var (town, hefeng, _, gaobian) = Lishui();

        Assert.StartsWith(town.Path, hefeng.Path);
        Assert.StartsWith(hefeng.Path, gaobian.Path);
        Assert.Equal(3, gaobian.Depth);
        Assert.Equal(0, town.Depth);
    }

    [Fact]
    public void Only_the_town_committee_stands_without_a_parent()
    {
        var violation = Assert.Throws<BusinessRuleViolation>(() => New("孤立支部", OrganisationKind.Branch, null));

        Assert.Equal("organisation.parent-required", violation.Rule.Code);
    }

    [Fact]
    public void A_party_mass_group_belongs_to_an_economic_cooperative()
    {
        var (_, _, branch, _) = Lishui();

        Assert.Equal("organisation.cooperative-required",
            Assert.Throws<BusinessRuleViolation>(() => New("岑岗党群小组", OrganisationKind.PartyMassGroup, branch)).Rule.Code);
    }

    [Fact]
    public void Nothing_is_set_up_under_a_party_mass_group()
    {
        var (_, _, _, gaobian) = Lishui();

        Assert.Equal("organisation.kind-not-allowed-here",
            Assert.Throws<BusinessRuleViolation>(() => New("某支部", OrganisationKind.Branch, gaobian)).Rule.Code);
    }

    [Fact]
    public void An_organisation_cannot_move_under_its_own_descendant()
    {
        var (_, hefeng, branch, _) = Lishui();

        Assert.Equal("organisation.move-cycle", Assert.Throws<BusinessRuleViolation>(() => hefeng.MoveUnder(branch, Now)).Rule.Code);
        Assert.Equal("organisation.move-cycle", Assert.Throws<BusinessRuleViolation>(() => hefeng.MoveUnder(hefeng, Now)).Rule.Code);
    }

    [Fact]
    public void Moving_a_branch_moves_its_subtree_and_bumps_its_version()
    {
        var (town, hefeng, branch, gaobian) = Lishui();
        var cengang = New("岑岗村党委", OrganisationKind.PartyCommittee, town);

        var oldPrefix = branch.MoveUnder(cengang, Now);
        gaobian.Rebase(oldPrefix, branch.Path);

        Assert.Equal(cengang.Id, branch.ParentId);
        Assert.StartsWith(cengang.Path, gaobian.Path);
        Assert.DoesNotContain(hefeng.Id.Value.ToString("N"), gaobian.Path);
        Assert.Equal(2, branch.Version);
        Assert.Equal(1, gaobian.Version);
    }

    [Fact]
    public void Only_an_empty_organisation_is_closed_and_a_closed_one_takes_no_new_children()
    {
        var (_, hefeng, branch, _) = Lishui();

        Assert.Equal("organisation.not-empty", Assert.Throws<BusinessRuleViolation>(() => branch.Close(openChildren: 1, membersOnRoll: 0, Now)).Rule.Code);
        Assert.Equal("organisation.not-empty", Assert.Throws<BusinessRuleViolation>(() => branch.Close(openChildren: 0, membersOnRoll: 3, Now)).Rule.Code);

        branch.Close(0, 0, Now);

        Assert.True(branch.IsClosed);
        Assert.Equal("organisation.closed",
            Assert.Throws<BusinessRuleViolation>(() => New("新小组", OrganisationKind.PartyMassGroup, branch, "高边经济社")).Rule.Code);
        Assert.Equal("organisation.closed", Assert.Throws<BusinessRuleViolation>(() => branch.Rename("改名", Now)).Rule.Code);
        Assert.False(hefeng.IsClosed);
    }
}
