using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Membership;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

public sealed class MemberStatusApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    private static object Change(string status, string effectiveOn = "2026-07-01", long? expectedVersion = null) =>
        new { status, effectiveOn, reason = "支部大会讨论通过", decidedBy = "鹤峰村党委", expectedVersion };

    [Fact]
    public async Task A_probationary_member_becomes_full_the_history_keeps_who_decided_and_subscribers_learn_the_new_status()
    {
        var branch = await api.NewBranchAsync();
        var member = await api.RegisterMemberAsync(branch, "陈小红", "1998-03-01", "2025-07-01", fullMemberOn: null);
        await using var listener = await EventListener<MemberStatusChanged>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/members/{member}/status-changes", Change("Full", expectedVersion: 1));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"/members/{member}");
        Assert.Equal("Full", read.GetProperty("status").GetString());
        Assert.Equal("2026-07-01", read.GetProperty("fullMemberOn").GetString());
        Assert.Equal(2, read.GetProperty("version").GetInt64());
        var history = await client.GetFromJsonAsync<JsonElement>($"/members/{member}/status-changes");
        var row = Assert.Single(history.EnumerateArray());
        Assert.Equal("鹤峰村党委", row.GetProperty("decidedBy").GetString());
        Assert.Equal("Probationary", row.GetProperty("previousStatus").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(response.Headers.Location)).StatusCode);

        var published = await listener.ReceivedAsync(e => e.MemberId == member, because: "MemberStatusChanged should reach a subscriber");
        Assert.Equal((MemberStatus.Full, MemberStatus.Probationary, new DateOnly(2026, 7, 1), true, 2L, branch),
            (published.Status, published.PreviousStatus, published.EffectiveOn, published.OnRoll, published.Sequence, published.OrganisationId));
    }

    [Fact]
    public async Task An_illegal_transition_is_a_problem_naming_the_status_field_and_writes_nothing()
    {
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync(), "周志强", fullMemberOn: null);
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/members/{member}/status-changes", Change("Withdrawn"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("member.status-transition-illegal", problem.GetProperty("code").GetString());
        Assert.Contains("预备党员", problem.GetProperty("errors").GetProperty("status")[0].GetString());
        Assert.Equal(0, await api.WithDbAsync(db => db.MemberStatusChanges.CountAsync(c => c.MemberId == new Lishui.Membership.Domain.MemberId(member))));
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>($"/members/{member}")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Advice_to_withdraw_then_withdrawal_leaves_the_roll_so_the_empty_branch_can_close()
    {
        var branch = await api.NewBranchAsync("待撤销党支部");
        var member = await api.RegisterMemberAsync(branch, "黄国栋");
        using var client = api.CreateClient();

        (await client.PostAsJsonAsync($"/members/{member}/status-changes", Change("WithdrawalAdvised", "2026-03-01"))).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsync($"/organisations/{branch}/close", null)).StatusCode);
        (await client.PostAsJsonAsync($"/members/{member}/status-changes", Change("Withdrawn", "2026-04-01"))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/organisations/{branch}/close", null)).StatusCode);
        var history = await client.GetFromJsonAsync<JsonElement>($"/members/{member}/status-changes");
        Assert.Equal(["WithdrawalAdvised", "Withdrawn"], history.EnumerateArray().Select(c => c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_a_retried_request_changes_the_status_once()
    {
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync(), "吴海燕");
        using var client = api.CreateClient();

        var stale = await client.PostAsJsonAsync($"/members/{member}/status-changes", Change("Deceased", expectedVersion: 7));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var key = Guid.NewGuid().ToString();
        var first = await SendAsync(client, member, Change("Deceased"), key);
        var retry = await SendAsync(client, member, Change("Deceased"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/members/{member}/status-changes")).EnumerateArray());
    }

    [Fact]
    public async Task Missing_fields_are_listed_and_an_unknown_member_is_not_found()
    {
        using var client = api.CreateClient();
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync(), "郑丽");

        var missing = await client.PostAsJsonAsync($"/members/{member}/status-changes", new { status = "Gone" });
        var unknown = await client.PostAsJsonAsync($"/members/{Guid.NewGuid()}/status-changes", Change("Deceased"));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["decidedBy", "effectiveOn", "reason", "status"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid member, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/members/{member}/status-changes") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
