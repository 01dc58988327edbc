using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Shared.Domain;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

/// <summary>Reading a pair's contact log back, and a member's pairs with their last contact.</summary>
public sealed class ContactLogApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private DateOnly Today => TimeProvider.System.Today();

    private async Task<List<JsonElement>> PairsAsync(PairingScenario scenario) =>
        (await scenario.GenerateListAsync(api)).GetProperty("pairs").EnumerateArray().ToList();

    private static async Task LogAsync(HttpClient client, Guid pair, DateOnly on, string channel, string summary) =>
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/member-pairs/{pair}/contacts",
            new { contactedOn = on.ToString("yyyy-MM-dd"), channel, summary })).StatusCode);

    [Fact]
    public async Task A_pairs_contact_log_reads_newest_first_page_by_page()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 2);
        var pairs = await PairsAsync(scenario);
        var pair = pairs[0].GetProperty("memberPairId").GetGuid();
        var other = pairs[1].GetProperty("memberPairId").GetGuid();
        using var client = api.CreateClient();
        await LogAsync(client, pair, Today.AddDays(-20), "Phone", "电话提醒参加周二第一议题学习");
        await LogAsync(client, pair, Today.AddDays(-2), "Visit", "入户走访，了解接送点避雨需求");
        await LogAsync(client, pair, Today.AddDays(-9), "Meeting", "党建星期二会后交流");
        await LogAsync(client, other, Today.AddDays(-1), "Visit", "另一对的走访");

        var first = await client.GetFromJsonAsync<JsonElement>($"/member-pairs/{pair}/contacts?pageSize=2");
        var second = await client.GetFromJsonAsync<JsonElement>($"/member-pairs/{pair}/contacts?pageSize=2&page=2");

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal([Today.AddDays(-2), Today.AddDays(-9)],
            first.GetProperty("items").EnumerateArray().Select(c => DateOnly.Parse(c.GetProperty("contactedOn").GetString()!)));
        Assert.Equal("入户走访，了解接送点避雨需求", first.GetProperty("items")[0].GetProperty("summary").GetString());
        Assert.Equal("Visit", first.GetProperty("items")[0].GetProperty("channel").GetString());
        var last = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal("Phone", last.GetProperty("channel").GetString());
        Assert.All(first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()),
            c => Assert.Equal(pair, c.GetProperty("memberPairId").GetGuid()));
    }

    [Fact]
    public async Task An_unknown_pair_is_not_found_and_a_bad_page_is_a_Chinese_problem()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        var pair = (await PairsAsync(scenario))[0].GetProperty("memberPairId").GetGuid();
        using var client = api.CreateClient();

        var unknown = await client.GetAsync($"/member-pairs/{Guid.NewGuid()}/contacts");
        var badPage = await client.GetAsync($"/member-pairs/{pair}/contacts?page=0");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal("application/problem+json", badPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains("页码", (await badPage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("page")[0].GetString());
    }

    [Fact]
    public async Task Both_paired_members_and_either_sides_secretaries_read_the_log_and_nobody_else()
    {
        var world = await SecurityWorld.CreateAsync(api);
        var pair = await api.WithDbAsync(db => db.MemberPairs.AsNoTracking().SingleAsync(p => p.Id == world.OwnPair));
        using var admin = api.CreateClient();
        await LogAsync(admin, world.OwnPair, Today, "Visit", "上门走访，了解家中近况。");
        var log = $"/member-pairs/{world.OwnPair}/contacts";

        async Task<HttpStatusCode> ReadAs(string? token)
        {
            using var client = api.ClientWith(token);
            return (await client.GetAsync(log)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await ReadAs(TestTokens.Member(pair.VillageMemberId, "village-side")));
        Assert.Equal(HttpStatusCode.OK, await ReadAs(TestTokens.Member(pair.OrganMemberId, "organ-side")));
        Assert.Equal(HttpStatusCode.OK, await ReadAs(TestTokens.Secretary(world.Hefeng, "hefeng-secretary")));
        Assert.Equal(HttpStatusCode.OK, await ReadAs(TestTokens.Secretary(world.OfficeA, "office-a-secretary")));
        Assert.Equal(HttpStatusCode.OK, await ReadAs(TestTokens.Secretary(world.Town, "town-secretary")));
        Assert.Equal(HttpStatusCode.OK, await ReadAs(TestTokens.Auditor("auditor")));
        Assert.Equal(HttpStatusCode.Forbidden, await ReadAs(TestTokens.Member(world.OtherMember, "zhoucun-member")));
        Assert.Equal(HttpStatusCode.Forbidden, await ReadAs(TestTokens.Secretary(world.Zhoucun, "zhoucun-secretary")));
        Assert.Equal(HttpStatusCode.Forbidden, await ReadAs(TestTokens.Secretary(world.OfficeB, "office-b-secretary")));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAs(null));
    }

    [Fact]
    public async Task A_members_pairs_show_the_partner_and_the_last_contact_and_ended_pairs_on_request()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 2);
        var pairs = await PairsAsync(scenario);
        var organMember = scenario.OrganMembers[0];
        var contacted = pairs[0].GetProperty("memberPairId").GetGuid();
        using var client = api.CreateClient();
        await LogAsync(client, contacted, Today.AddDays(-12), "Phone", "电话联系");
        await LogAsync(client, contacted, Today.AddDays(-3), "Visit", "入户走访");

        var mine = await client.GetFromJsonAsync<JsonElement>($"/members/{organMember}/member-pairs");

        Assert.Equal(2, mine.GetProperty("total").GetInt32());
        var first = mine.GetProperty("items")[0];
        Assert.Equal(contacted, first.GetProperty("memberPairId").GetGuid());
        Assert.Equal(Today.AddDays(-3), DateOnly.Parse(first.GetProperty("lastContactedOn").GetString()!));
        Assert.Equal(2, first.GetProperty("contacts").GetInt32());
        Assert.Equal("VillageMember", first.GetProperty("partnerRole").GetString());
        Assert.StartsWith("村党员", first.GetProperty("partnerName").GetString());
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("items")[1].GetProperty("lastContactedOn").ValueKind);

        var villageMember = pairs[0].GetProperty("villageMemberId").GetGuid();
        var theirs = await client.GetFromJsonAsync<JsonElement>($"/members/{villageMember}/member-pairs");
        Assert.Equal(organMember, Assert.Single(theirs.GetProperty("items").EnumerateArray()).GetProperty("partnerId").GetGuid());

        (await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/end", new { endedOn = Today.ToString("yyyy-MM-dd") })).EnsureSuccessStatusCode();
        var active = await client.GetFromJsonAsync<JsonElement>($"/members/{organMember}/member-pairs");
        var all = await client.GetFromJsonAsync<JsonElement>($"/members/{organMember}/member-pairs?includeEnded=true");
        Assert.Equal(0, active.GetProperty("total").GetInt32());
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.All(all.GetProperty("items").EnumerateArray(), p => Assert.False(p.GetProperty("active").GetBoolean()));
    }

    [Fact]
    public async Task A_member_reads_their_own_pairs_only()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var member = api.ClientWith(TestTokens.Member(world.OwnMember, "hefeng-member"));

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/members/{world.OwnMember}/member-pairs")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/members/{world.OtherMember}/member-pairs")).StatusCode);
    }
}
