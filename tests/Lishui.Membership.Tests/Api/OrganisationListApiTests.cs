using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Membership;
using Lishui.Testing;

namespace Lishui.Membership.Tests.Api;

/// <summary>Organisation kinds and sectors (村/社区, 机关, 教育系统, 公有资产系统, 两新组织) and the lists that find them without an id.</summary>
public sealed class OrganisationListApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    private async Task<(Guid Committee, Guid Branch, Guid Gaobian, Guid Cengang)> VillageAsync(string name)
    {
        var committee = await api.CreateOrganisationAsync(new { name = $"{name}村党委", kind = "PartyCommittee", parentId = await api.TownAsync(), sector = "Village" });
        var branch = await api.CreateOrganisationAsync(new { name = $"{name}村党支部", kind = "Branch", parentId = committee });
        var gaobian = await api.CreateOrganisationAsync(new { name = $"{name}高边党群小组", kind = "PartyMassGroup", parentId = branch, economicCooperative = "高边经济社" });
        var cengang = await api.CreateOrganisationAsync(new { name = $"{name}岑岗党群小组", kind = "PartyMassGroup", parentId = branch, economicCooperative = "岑岗经济社" });
        return (committee, branch, gaobian, cengang);
    }

    [Fact]
    public async Task A_village_committee_passes_its_sector_down_and_an_organ_branch_cannot_sit_inside_a_village()
    {
        var village = await VillageAsync("鹤峰");
        using var client = api.CreateClient();

        var group = await client.GetFromJsonAsync<JsonElement>($"/organisations/{village.Gaobian}");
        var organ = await client.PostAsJsonAsync("/organisations", new { name = "党建工作办党支部", kind = "Branch", parentId = await api.TownAsync(), sector = "Organ" });
        var misplaced = await client.PostAsJsonAsync("/organisations", new { name = "学校党支部", kind = "Branch", parentId = village.Committee, sector = "Education" });
        var secondTown = await client.PostAsJsonAsync("/organisations", new { name = "两新党委", kind = "PartyCommittee", parentId = await api.TownAsync(), sector = "Town" });

        Assert.Equal(("Village", "村（社区）", "PartyMassGroup", "党群小组"),
            (group.GetProperty("sector").GetString(), group.GetProperty("sectorLabel").GetString(), group.GetProperty("kind").GetString(), group.GetProperty("kindLabel").GetString()));
        Assert.Equal(HttpStatusCode.Created, organ.StatusCode);
        Assert.Equal("机关", (await organ.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sectorLabel").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, misplaced.StatusCode);
        Assert.Equal("organisation.sector-differs-from-parent", (await misplaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, secondTown.StatusCode);
        var town = await client.GetFromJsonAsync<JsonElement>($"/organisations/{await api.TownAsync()}");
        Assert.Equal("Town", town.GetProperty("sector").GetString());
    }

    [Fact]
    public async Task Reclassifying_an_organisation_moves_its_whole_subtree_and_publishes_the_change()
    {
        await using var reclassified = await EventListener<OrganisationReclassified>.StartAsync(api.Infrastructure);
        var unclassified = await api.NewBranchAsync("某企业党支部");
        var below = await api.CreateOrganisationAsync(new { name = "某企业党群小组", kind = "PartyMassGroup", parentId = unclassified, economicCooperative = "某经济社" });
        using var client = api.CreateClient();
        Assert.Equal("未分类", (await client.GetFromJsonAsync<JsonElement>($"/organisations/{below}")).GetProperty("sectorLabel").GetString());

        var response = await client.PutAsJsonAsync($"/organisations/{unclassified}/sector", new { sector = "TwoNew" });
        var wrong = await client.PutAsJsonAsync($"/organisations/{below}/sector", new { sector = "Organ" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("两新组织", (await client.GetFromJsonAsync<JsonElement>($"/organisations/{below}")).GetProperty("sectorLabel").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var published = await reclassified.ReceivedAsync(e => e.AggregateId == unclassified, because: "OrganisationReclassified should reach a subscriber");
        Assert.Equal((null, "TwoNew"), (published.PreviousSector, published.Sector));
    }

    [Fact]
    public async Task The_flat_list_filters_by_kind_sector_parent_name_and_state_page_by_page()
    {
        var village = await VillageAsync("岑岗");
        using var client = api.CreateClient();
        var closing = await api.CreateOrganisationAsync(new { name = "岑岗临时党群小组", kind = "PartyMassGroup", parentId = village.Branch, economicCooperative = "临时经济社" });
        (await client.PostAsync($"/organisations/{closing}/close", null)).EnsureSuccessStatusCode();

        var groups = await client.GetFromJsonAsync<JsonElement>($"/organisations?rootId={village.Committee}&kind=PartyMassGroup&pageSize=1");
        var byName = await client.GetFromJsonAsync<JsonElement>($"/organisations?rootId={village.Committee}&name=高边");
        var byParent = await client.GetFromJsonAsync<JsonElement>($"/organisations?parentId={village.Committee}");
        var closed = await client.GetFromJsonAsync<JsonElement>($"/organisations?rootId={village.Committee}&state=closed");
        var all = await client.GetFromJsonAsync<JsonElement>($"/organisations?rootId={village.Committee}&state=all&sector=Village");
        var bad = await client.GetAsync("/organisations?kind=Village&state=gone");

        Assert.Equal((2, 1), (groups.GetProperty("total").GetInt32(), groups.GetProperty("items").GetArrayLength()));
        Assert.Equal(village.Gaobian, Assert.Single(byName.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(village.Branch, Assert.Single(byParent.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(closing, Assert.Single(closed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(5, all.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["kind", "state"], fields.Order().ToList());
    }

    [Fact]
    public async Task The_tree_nests_a_village_and_a_secretary_reads_only_their_own_subtree()
    {
        var village = await VillageAsync("塘边");
        var other = await VillageAsync("洲村");
        using var secretary = api.ClientWith(TestTokens.Secretary(village.Committee, "tangbian-secretary"));
        using var member = api.ClientWith(TestTokens.Member(Guid.NewGuid(), "some-member"));

        var tree = await secretary.GetFromJsonAsync<JsonElement>($"/organisations/tree?rootId={village.Committee}");
        var ownList = await secretary.GetAsync($"/organisations?rootId={village.Branch}");
        var otherTree = await secretary.GetAsync($"/organisations/tree?rootId={other.Committee}");
        var unnamed = await secretary.GetAsync("/organisations");
        var town = await member.GetFromJsonAsync<JsonElement>("/organisations/tree");

        Assert.Equal("塘边村党委", tree.GetProperty("name").GetString());
        var branch = Assert.Single(tree.GetProperty("children").EnumerateArray());
        Assert.Equal(["塘边岑岗党群小组", "塘边高边党群小组"], branch.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).Order().ToList());
        Assert.Equal(HttpStatusCode.OK, ownList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherTree.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unnamed.StatusCode);
        Assert.Equal("里水镇党委", town.GetProperty("name").GetString());
        Assert.Contains(town.GetProperty("children").EnumerateArray(), c => c.GetProperty("id").GetGuid() == other.Committee);
    }
}
