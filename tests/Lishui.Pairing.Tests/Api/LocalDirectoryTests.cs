using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

/// <summary>The shared local directory's questions, on Pairing's migrated database: what lies above and below an organisation.</summary>
public sealed class LocalDirectoryTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    [Fact]
    public async Task Ancestors_run_nearest_first_to_the_town_and_a_subtree_holds_everything_below()
    {
        var town = await api.OrganisationAsync("里水镇党委", "PartyCommittee");
        var village = await api.OrganisationAsync("鹤峰村党委", "PartyCommittee", town);
        var branch = await api.OrganisationAsync("鹤峰村第一党支部", "Branch", village);
        var group = await api.OrganisationAsync("高边党群小组", "PartyMassGroup", branch);
        var organ = await api.OrganisationAsync("党建工作办党支部", "Branch", town);

        Assert.Equal([group, branch, village, town], await api.WithDbAsync(db => db.AncestorsAndSelfAsync(group, CancellationToken.None)));
        Assert.True((await api.WithDbAsync(db => db.SubtreeAsync(village, CancellationToken.None))).SetEquals([village, branch, group]));
        Assert.Contains(organ, await api.WithDbAsync(db => db.SubtreeAsync(town, CancellationToken.None)));

        var above = await api.WithDbAsync(db => db.AncestorsAndSelfAsync([group, organ], CancellationToken.None));
        Assert.True(above[group].ToHashSet().SetEquals([group, branch, village, town]));
        Assert.True(above[organ].ToHashSet().SetEquals([organ, town]));

        var scope = await api.WithDbAsync(db => db.ScopeOfLocalOrganisationAsync(branch, null, CancellationToken.None));
        Assert.Equal([branch, village, town], scope!.OrganisationAndAncestors);
    }

    [Fact]
    public async Task An_organisation_not_known_yet_is_its_own_subtree_and_chain_but_has_no_scope()
    {
        var unknown = Guid.CreateVersion7();

        Assert.True((await api.WithDbAsync(db => db.SubtreeAsync(unknown, CancellationToken.None))).SetEquals([unknown]));
        Assert.Equal([unknown], await api.WithDbAsync(db => db.AncestorsAndSelfAsync(unknown, CancellationToken.None)));
        Assert.Null(await api.WithDbAsync(db => db.ScopeOfLocalOrganisationAsync(unknown, null, CancellationToken.None)));
    }

    [Fact]
    public async Task A_cycle_left_by_moves_applied_out_of_order_ends_the_walk()
    {
        var upper = await api.OrganisationAsync("上级", "Branch");
        var lower = await api.OrganisationAsync("下级", "Branch", upper);
        // The move of the upper one under the lower one, applied before the move that undid it.
        await api.WithDbAsync(async db =>
        {
            await db.ApplyAsync(new OrganisationMoved { PreviousParentId = Guid.Empty, ParentId = lower }.About(upper, upper, 2, DateTimeOffset.UtcNow), CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        Assert.True((await api.WithDbAsync(db => db.SubtreeAsync(upper, CancellationToken.None))).SetEquals([lower, upper]));
        Assert.InRange((await api.WithDbAsync(db => db.AncestorsAndSelfAsync(upper, CancellationToken.None))).Count, 2, 33);
    }
}
