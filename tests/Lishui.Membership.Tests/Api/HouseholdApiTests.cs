using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Membership;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

public sealed class HouseholdApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private Guid village;
    private Guid branch;
    private Guid gaobian;
    private Guid cengang;

    public async Task InitializeAsync()
    {
        village = await api.CreateOrganisationAsync(new { name = "鹤峰村党委", kind = "PartyCommittee", parentId = await api.TownAsync() });
        branch = await api.CreateOrganisationAsync(new { name = "鹤峰村党支部", kind = "Branch", parentId = village });
        gaobian = await api.CreateOrganisationAsync(new { name = "高边党群小组", kind = "PartyMassGroup", parentId = branch, economicCooperative = "高边经济社" });
        cengang = await api.CreateOrganisationAsync(new { name = "岑岗党群小组", kind = "PartyMassGroup", parentId = branch, economicCooperative = "岑岗经济社" });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static object Household(Guid group, string head = "陈伯", string address = "高边村东街 8 号", int members = 4) =>
        new { organisationId = group, headName = head, address, membersCount = members };

    [Fact]
    public async Task A_household_is_recorded_under_its_cooperative_and_subscribers_learn_of_it_without_the_address()
    {
        await using var listener = await EventListener<HouseholdRegistered>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/households", Household(gaobian, "陈伯"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal("高边经济社", created.GetProperty("economicCooperative").GetString());
        Assert.Equal("高边村东街 8 号", created.GetProperty("address").GetString());
        var id = created.GetProperty("id").GetGuid();
        var published = await listener.ReceivedAsync(e => e.HouseholdId == id, because: "HouseholdRegistered should reach a subscriber");
        Assert.Equal(("陈伯", 4, "高边经济社", gaobian), (published.HeadName, published.MembersCount, published.EconomicCooperative, published.OrganisationId));
        Assert.DoesNotContain(typeof(HouseholdRegistered).GetProperties(), p => p.Name.Contains("Address", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_household_belongs_to_a_party_mass_group_and_bad_details_are_named()
    {
        using var client = api.CreateClient();

        var underBranch = await client.PostAsJsonAsync("/households", Household(branch));
        var bad = await client.PostAsJsonAsync("/households", Household(gaobian, head: " ", members: 0));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, underBranch.StatusCode);
        Assert.Equal("household.organisation-not-a-group", (await underBranch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("headName", out _));
        Assert.Equal(0, await api.WithDbAsync(db => db.Households.CountAsync(h => h.OrganisationId == branch)));
    }

    [Fact]
    public async Task A_household_change_is_announced_once_and_a_stale_version_is_a_conflict()
    {
        await using var listener = await EventListener<HouseholdChanged>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();
        var created = await (await client.PostAsJsonAsync("/households", Household(cengang, "黄婶"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();

        var changed = await client.PutAsJsonAsync($"/households/{id}", new { headName = "黄志强", address = "岑岗新村 3 巷 2 号", membersCount = 5, expectedVersion = 1 });
        var stale = await client.PutAsJsonAsync($"/households/{id}", new { headName = "另一人", address = "某处", membersCount = 2, expectedVersion = 1 });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"/households/{id}");
        Assert.Equal(("黄志强", 5, 2), (read.GetProperty("headName").GetString(), read.GetProperty("membersCount").GetInt32(), read.GetProperty("version").GetInt32()));
        var published = await listener.ReceivedAsync(e => e.HouseholdId == id, because: "HouseholdChanged should reach a subscriber");
        Assert.Equal(("黄志强", 5, 2L), (published.HeadName, published.MembersCount, published.Sequence));
    }

    [Fact]
    public async Task The_households_of_a_village_are_listed_over_its_whole_subtree()
    {
        using var client = api.CreateClient();
        for (var i = 1; i <= 3; i++)
        {
            (await client.PostAsJsonAsync("/households", Household(gaobian, $"高边户主{i}"))).EnsureSuccessStatusCode();
        }

        var group = await client.GetFromJsonAsync<JsonElement>($"/households?organisationId={gaobian}&pageSize=2");
        var whole = await client.GetFromJsonAsync<JsonElement>($"/households?organisationId={village}&includeDescendants=true");

        Assert.True(group.GetProperty("total").GetInt32() >= 3);
        Assert.Equal(2, group.GetProperty("items").GetArrayLength());
        Assert.True(whole.GetProperty("total").GetInt32() >= group.GetProperty("total").GetInt32());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/households?organisationId={village}")).GetProperty("total").GetInt32());
    }
}
