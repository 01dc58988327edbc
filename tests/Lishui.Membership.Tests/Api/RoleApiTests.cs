using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Membership;

namespace Lishui.Membership.Tests.Api;

public sealed class RoleApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    private static object Assign(string role, string assignedOn = "2024-01-01") => new { role, assignedOn, decidedBy = "鹤峰村党员大会" };

    private static object Revoke(string revokedOn = "2026-06-30") => new { revokedOn, decidedBy = "里水镇党委" };

    [Fact]
    public async Task An_organisation_has_one_secretary_at_a_time()
    {
        var branch = await api.NewBranchAsync("鹤峰村党支部");
        var first = await api.RegisterMemberAsync(branch, "张建国");
        var second = await api.RegisterMemberAsync(branch, "李秀英");
        await using var assigned = await EventListener<MemberRoleAssigned>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/members/{first}/roles", Assign("Secretary"))).StatusCode);
        var refused = await client.PostAsJsonAsync($"/members/{second}/roles", Assign("Secretary"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("organisation.secretary-exists", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _));

        (await client.PostAsJsonAsync($"/members/{first}/roles/Secretary/revoke", Revoke())).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/members/{second}/roles", Assign("Secretary", "2026-07-01"))).StatusCode);

        var roles = await client.GetFromJsonAsync<JsonElement>($"/members/{first}/roles");
        Assert.False(Assert.Single(roles.EnumerateArray()).GetProperty("active").GetBoolean());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/members/{first}")).GetProperty("roles").GetArrayLength());
        Assert.Equal("Secretary", (await client.GetFromJsonAsync<JsonElement>($"/members/{second}")).GetProperty("roles")[0].GetString());
        var published = await assigned.ReceivedAsync(e => e.MemberId == second, because: "MemberRoleAssigned should reach a subscriber");
        Assert.Equal(("Secretary", branch), (published.Role, published.OrganisationId));
    }

    [Fact]
    public async Task Concurrent_secretary_assignments_leave_exactly_one_secretary()
    {
        var branch = await api.NewBranchAsync("并发党支部");
        var members = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => api.RegisterMemberAsync(branch, $"候选人{i}")));
        using var client = api.CreateClient();

        var answers = await Task.WhenAll(members.Select(m => client.PostAsJsonAsync($"/members/{m}/roles", Assign("Secretary"))));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.UnprocessableEntity, a.StatusCode));
    }

    [Fact]
    public async Task A_probationary_member_holds_no_office_and_member_is_not_an_assignable_role()
    {
        var branch = await api.NewBranchAsync();
        var probationary = await api.RegisterMemberAsync(branch, "陈小红", "1998-03-01", "2025-07-01", fullMemberOn: null);
        var full = await api.RegisterMemberAsync(branch, "王德明");
        using var client = api.CreateClient();

        var office = await client.PostAsJsonAsync($"/members/{probationary}/roles", Assign("GroupLeader", "2025-08-01"));
        var plain = await client.PostAsJsonAsync($"/members/{full}/roles", Assign("Member"));
        var notHeld = await client.PostAsJsonAsync($"/members/{full}/roles/DeputySecretary/revoke", Revoke());

        Assert.Equal("member.role-needs-full-member", (await office.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("member.role-implicit", (await plain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("member.role-not-held", (await notHeld.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_transferred_member_leaves_their_offices_behind_so_the_old_branch_can_elect_a_new_secretary()
    {
        var from = await api.NewBranchAsync("旧党支部");
        var to = await api.NewBranchAsync("新党支部");
        var secretary = await api.RegisterMemberAsync(from, "梁志明");
        var successor = await api.RegisterMemberAsync(from, "罗嘉欣");
        await using var revoked = await EventListener<MemberRoleRevoked>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();
        (await client.PostAsJsonAsync($"/members/{secretary}/roles", Assign("Secretary"))).EnsureSuccessStatusCode();

        (await client.PostAsJsonAsync($"/members/{secretary}/transfers",
            new { toOrganisationId = to, effectiveOn = "2026-09-01", reason = "工作调动" })).EnsureSuccessStatusCode();

        var roles = await client.GetFromJsonAsync<JsonElement>($"/members/{secretary}/roles");
        Assert.Equal("2026-09-01", Assert.Single(roles.EnumerateArray()).GetProperty("revokedOn").GetString());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/members/{successor}/roles", Assign("Secretary", "2026-09-02"))).StatusCode);
        var published = await revoked.ReceivedAsync(e => e.MemberId == secretary, because: "MemberRoleRevoked should reach a subscriber");
        Assert.Equal(("Secretary", from, 3L), (published.Role, published.OrganisationId, published.Sequence));
    }
}
