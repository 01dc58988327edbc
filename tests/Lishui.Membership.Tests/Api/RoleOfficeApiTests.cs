using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Membership;
using Lishui.Testing;

namespace Lishui.Membership.Tests.Api;

/// <summary>Where an office is held: a branch member on the village committee, a town cadre stationed in a village.</summary>
public sealed class RoleOfficeApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    private static object Assign(string role, Guid? organisationId = null) => new { role, assignedOn = "2024-01-01", decidedBy = "鹤峰村党员大会", organisationId };

    private async Task<(Guid Village, Guid Branch)> VillageAsync(string name)
    {
        var village = await api.CreateOrganisationAsync(new { name = $"{name}村党委", kind = "PartyCommittee", parentId = await api.TownAsync(), sector = "Village" });
        return (village, await api.CreateOrganisationAsync(new { name = $"{name}村党支部", kind = "Branch", parentId = village }));
    }

    [Fact]
    public async Task A_branch_member_sits_on_the_village_committee_and_the_event_names_the_committee()
    {
        var hefeng = await VillageAsync("鹤峰");
        var other = await VillageAsync("洲");
        var member = await api.RegisterMemberAsync(hefeng.Branch, "何丽娟");
        await using var assigned = await EventListener<MemberRoleAssigned>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();

        var seated = await client.PostAsJsonAsync($"/members/{member}/roles", Assign("CommitteeMember", hefeng.Village));
        var elsewhere = await client.PostAsJsonAsync($"/members/{member}/roles", Assign("DeputySecretary", other.Village));
        var unknown = await client.PostAsJsonAsync($"/members/{member}/roles", Assign("DeputySecretary", Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Created, seated.StatusCode);
        Assert.Equal(hefeng.Village, (await seated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("organisationId").GetGuid());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
        Assert.Equal("member.office-organisation-invalid", (await elsewhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var published = await assigned.ReceivedAsync(e => e.MemberId == member, because: "MemberRoleAssigned should reach a subscriber");
        Assert.Equal(("CommitteeMember", hefeng.Village), (published.Role, published.OrganisationId));
    }

    [Fact]
    public async Task A_committee_has_its_own_secretary_beside_the_branch_secretary()
    {
        var village = await VillageAsync("塘边");
        var branchSecretary = await api.RegisterMemberAsync(village.Branch, "陈志明");
        var villageSecretary = await api.RegisterMemberAsync(village.Branch, "黄德胜");
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/members/{branchSecretary}/roles", Assign("Secretary"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/members/{villageSecretary}/roles", Assign("Secretary", village.Village))).StatusCode);
        var another = await api.RegisterMemberAsync(village.Branch, "李秀英");
        var second = await client.PostAsJsonAsync($"/members/{another}/roles", Assign("Secretary", village.Village));

        Assert.Equal("organisation.secretary-exists", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_town_cadre_is_stationed_in_a_village_committee_and_nowhere_else()
    {
        var village = await VillageAsync("横江");
        var organ = await api.CreateOrganisationAsync(new { name = "党建工作办党支部", kind = "Branch", parentId = await api.TownAsync(), sector = "Organ" });
        var leader = await api.RegisterMemberAsync(organ, "何振华");
        using var client = api.CreateClient();

        var inBranch = await client.PostAsJsonAsync($"/members/{leader}/roles", Assign("StationedLeader", village.Branch));
        var stationed = await client.PostAsJsonAsync($"/members/{leader}/roles", Assign("StationedLeader", village.Village));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, inBranch.StatusCode);
        Assert.Equal(HttpStatusCode.Created, stationed.StatusCode);
        var roles = await client.GetFromJsonAsync<JsonElement>($"/members/{leader}/roles");
        Assert.Equal((village.Village, "StationedLeader"), (roles[0].GetProperty("organisationId").GetGuid(), roles[0].GetProperty("role").GetString()));
    }

    [Fact]
    public async Task A_branch_secretary_cannot_seat_a_member_on_the_committee_above_them()
    {
        var village = await VillageAsync("大田");
        var member = await api.RegisterMemberAsync(village.Branch, "梁文辉");
        using var secretary = api.ClientWith(TestTokens.Secretary(village.Branch, "datian-branch-secretary"));

        var refused = await secretary.PostAsJsonAsync($"/members/{member}/roles", Assign("CommitteeMember", village.Village));
        var own = await secretary.PostAsJsonAsync($"/members/{member}/roles", Assign("CommitteeMember"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }
}
