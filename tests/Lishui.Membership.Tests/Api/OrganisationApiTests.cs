using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

public sealed class OrganisationApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    [Fact]
    public async Task The_tree_is_built_top_down_and_a_subtree_is_read_in_one_query()
    {
        var hefeng = await api.CreateOrganisationAsync(new { name = "鹤峰村党委", kind = "PartyCommittee", parentId = await api.TownAsync() });
        var branch = await api.CreateOrganisationAsync(new { name = "鹤峰村第一党支部", kind = "Branch", parentId = hefeng });
        await api.CreateOrganisationAsync(new { name = "高边党群小组", kind = "PartyMassGroup", parentId = branch, economicCooperative = "高边经济社" });
        await api.CreateOrganisationAsync(new { name = "岑岗党群小组", kind = "PartyMassGroup", parentId = branch, economicCooperative = "岑岗经济社" });
        using var client = api.CreateClient();

        var subtree = await client.GetFromJsonAsync<JsonElement>($"/organisations/{hefeng}/subtree");

        Assert.Equal(4, subtree.GetProperty("total").GetInt32());
        var names = subtree.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("name").GetString()).ToList();
        Assert.Equal("鹤峰村党委", names[0]);
        Assert.Equal("鹤峰村第一党支部", names[1]);
    }

    [Fact]
    public async Task A_second_root_is_refused()
    {
        await api.TownAsync();
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/organisations", new { name = "另一个镇党委", kind = "PartyCommittee" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("organisation.root-exists", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Moving_an_organisation_under_its_own_descendant_is_refused_and_changes_nothing()
    {
        var village = await api.CreateOrganisationAsync(new { name = "大榄村党委", kind = "PartyCommittee", parentId = await api.TownAsync() });
        var branch = await api.CreateOrganisationAsync(new { name = "大榄村党支部", kind = "Branch", parentId = village });
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/organisations/{village}/move", new { parentId = branch });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("organisation.move-cycle", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var reread = await client.GetFromJsonAsync<JsonElement>($"/organisations/{village}");
        Assert.Equal(await api.TownAsync(), reread.GetProperty("parentId").GetGuid());
    }

    [Fact]
    public async Task A_moved_branch_takes_its_groups_along()
    {
        var from = await api.CreateOrganisationAsync(new { name = "旧村党委", kind = "PartyCommittee", parentId = await api.TownAsync() });
        var to = await api.CreateOrganisationAsync(new { name = "新村党委", kind = "PartyCommittee", parentId = await api.TownAsync() });
        var branch = await api.CreateOrganisationAsync(new { name = "迁移党支部", kind = "Branch", parentId = from });
        var group = await api.CreateOrganisationAsync(new { name = "迁移党群小组", kind = "PartyMassGroup", parentId = branch, economicCooperative = "某经济社" });
        using var client = api.CreateClient();

        (await client.PostAsJsonAsync($"/organisations/{branch}/move", new { parentId = to })).EnsureSuccessStatusCode();

        var underNew = await client.GetFromJsonAsync<JsonElement>($"/organisations/{to}/subtree");
        var underOld = await client.GetFromJsonAsync<JsonElement>($"/organisations/{from}/subtree");
        Assert.Contains(underNew.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == group);
        Assert.Equal(1, underOld.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Only_an_empty_organisation_closes_and_every_change_is_an_event()
    {
        var branch = await api.NewBranchAsync("待撤销党支部");
        using var client = api.CreateClient();
        (await client.PostAsJsonAsync("/members", new { name = "刘洋", gender = "Male", birthDate = "1985-01-01", joinedOn = "2010-07-01", organisationId = branch, idNumber = TestIdNumbers.For("1985-01-01") }))
            .EnsureSuccessStatusCode();

        var refused = await client.PostAsync($"/organisations/{branch}/close", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("organisation.not-empty", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var empty = await api.NewBranchAsync("空党支部");
        (await client.PutAsJsonAsync($"/organisations/{empty}/name", new { name = "空党支部（更名）" })).EnsureSuccessStatusCode();
        var closed = await client.PostAsync($"/organisations/{empty}/close", null);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.True((await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("closed").GetBoolean());

        var late = await client.PostAsJsonAsync("/members", new { name = "迟到", gender = "Male", birthDate = "1985-01-01", joinedOn = "2010-07-01", organisationId = empty, idNumber = TestIdNumbers.For("1985-01-01") });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        await Lishui.Testing.Eventually.MatchAsync(() => api.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()), n => n == 0,
            because: "created, renamed and closed events should all be published");
    }
}
