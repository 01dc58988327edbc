using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Testing;

namespace Lishui.Pairing.Tests.Api;

/// <summary>GET /local-members?organisationId=: the organisation's whole subtree, as a secretary of that subtree may read it.</summary>
public sealed class LocalMembersApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    [Fact]
    public async Task A_village_lists_its_own_members_and_those_of_the_groups_under_it_and_no_other_villages()
    {
        var town = await api.OrganisationAsync("里水镇党委", "PartyCommittee");
        var village = await api.OrganisationAsync("鹤峰村党总支", "GeneralBranch", town);
        var group = await api.OrganisationAsync("鹤峰村第一党小组", "Branch", village);
        var subgroup = await api.OrganisationAsync("鹤峰村第一党小组（北片）", "Branch", group);
        var otherVillage = await api.OrganisationAsync("沥东村党委", "PartyCommittee", town);
        var inVillage = await api.MembersAsync(village, 2, "鹤峰村党员");
        var inGroup = await api.MembersAsync(group, 2, "第一党小组党员");
        var inSubgroup = await api.MembersAsync(subgroup, 1, "北片党员");
        await api.MembersAsync(otherVillage, 2, "沥东村党员");
        using var secretary = api.ClientWith(TestTokens.Secretary(village, "hefeng-secretary"));

        var listed = await secretary.GetFromJsonAsync<JsonElement>($"/local-members?organisationId={village}&pageSize=50");

        Assert.Equal(5, listed.GetProperty("total").GetInt32());
        Assert.Equal(inVillage.Concat(inGroup).Concat(inSubgroup).Order(), listed.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("memberId").GetGuid()).Order());
        var ofGroup = await secretary.GetFromJsonAsync<JsonElement>($"/local-members?organisationId={group}&pageSize=50");
        Assert.Equal(inGroup.Concat(inSubgroup).Order(), ofGroup.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("memberId").GetGuid()).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/local-members?organisationId={otherVillage}")).StatusCode);
    }
}
