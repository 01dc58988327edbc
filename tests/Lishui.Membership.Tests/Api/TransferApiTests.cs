using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Membership;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

public sealed class TransferApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    private static object Transfer(Guid to, string effectiveOn = "2026-09-01") =>
        new { toOrganisationId = to, effectiveOn, reason = "工作调动", decidedBy = "里水镇党委组织办" };

    [Fact]
    public async Task A_transfer_inside_the_town_moves_the_member_keeps_the_history_and_tells_subscribers_both_organisations()
    {
        var from = await api.NewBranchAsync("鹤峰村党支部");
        var to = await api.NewBranchAsync("党建工作办党支部");
        var member = await api.RegisterMemberAsync(from, "梁志明");
        await using var listener = await EventListener<MemberTransferred>.StartAsync(api.Infrastructure);
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/members/{member}/transfers", Transfer(to));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"/members/{member}");
        Assert.Equal(to, read.GetProperty("organisationId").GetGuid());
        Assert.Equal("2026-09-01", read.GetProperty("organisationSince").GetString());
        var history = await client.GetFromJsonAsync<JsonElement>($"/members/{member}/transfers");
        var row = Assert.Single(history.EnumerateArray());
        Assert.Equal((from, to), (row.GetProperty("fromOrganisationId").GetGuid(), row.GetProperty("toOrganisationId").GetGuid()));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/members?organisationId={from}")).GetProperty("total").GetInt32());

        var published = await listener.ReceivedAsync(e => e.MemberId == member, because: "MemberTransferred should reach a subscriber");
        Assert.Equal((from, to, to, 2L), (published.FromOrganisationId, published.ToOrganisationId, published.OrganisationId, published.Sequence));
    }

    [Fact]
    public async Task A_transfer_to_a_closed_or_unknown_organisation_is_refused_naming_the_field_and_changes_nothing()
    {
        var from = await api.NewBranchAsync("鹤峰村党支部");
        var closed = await api.NewBranchAsync("已撤销党支部");
        using var client = api.CreateClient();
        (await client.PostAsync($"/organisations/{closed}/close", null)).EnsureSuccessStatusCode();
        var member = await api.RegisterMemberAsync(from, "罗嘉欣");

        var toClosed = await client.PostAsJsonAsync($"/members/{member}/transfers", Transfer(closed));
        var toUnknown = await client.PostAsJsonAsync($"/members/{member}/transfers", Transfer(Guid.NewGuid()));
        var toSame = await client.PostAsJsonAsync($"/members/{member}/transfers", Transfer(from));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, toClosed.StatusCode);
        Assert.True((await toClosed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("toOrganisationId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, toUnknown.StatusCode);
        Assert.True((await toUnknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("toOrganisationId", out _));
        Assert.Equal("member.transfer-same-organisation", (await toSame.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(from, (await client.GetFromJsonAsync<JsonElement>($"/members/{member}")).GetProperty("organisationId").GetGuid());
        Assert.Equal(0, await api.WithDbAsync(db => db.MemberTransfers.CountAsync(t => t.MemberId == new Lishui.Membership.Domain.MemberId(member))));
    }

    [Fact]
    public async Task A_member_who_left_the_roll_is_not_transferred()
    {
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync(), "何伟");
        var to = await api.NewBranchAsync("另一党支部");
        using var client = api.CreateClient();
        (await client.PostAsJsonAsync($"/members/{member}/status-changes",
            new { status = "Deceased", effectiveOn = "2026-05-01", reason = "病故", decidedBy = "鹤峰村党委" })).EnsureSuccessStatusCode();

        var response = await client.PostAsJsonAsync($"/members/{member}/transfers", Transfer(to));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("member.not-active", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Two_transfers_in_a_row_keep_the_whole_path_in_order_and_a_retry_transfers_once()
    {
        var a = await api.NewBranchAsync("甲党支部");
        var b = await api.NewBranchAsync("乙党支部");
        var c = await api.NewBranchAsync("丙党支部");
        var member = await api.RegisterMemberAsync(a, "冯敏");
        using var client = api.CreateClient();
        var key = Guid.NewGuid().ToString();

        await SendAsync(client, member, Transfer(b, "2026-01-01"), key);
        var retry = await SendAsync(client, member, Transfer(b, "2026-01-01"), key);
        (await client.PostAsJsonAsync($"/members/{member}/transfers", Transfer(c, "2026-06-01"))).EnsureSuccessStatusCode();
        var backdated = await client.PostAsJsonAsync($"/members/{member}/transfers", Transfer(a, "2026-03-01"));

        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("member.transfer-before-current-organisation", (await backdated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var path = (await client.GetFromJsonAsync<JsonElement>($"/members/{member}/transfers")).EnumerateArray()
            .Select(t => t.GetProperty("toOrganisationId").GetGuid()).ToList();
        Assert.Equal([b, c], path);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Guid member, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/members/{member}/transfers") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
