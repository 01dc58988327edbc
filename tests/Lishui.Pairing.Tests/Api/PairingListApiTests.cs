using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

public sealed class PairingListApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private static List<JsonElement> Pairs(JsonElement list) => list.GetProperty("pairs").EnumerateArray().ToList();

    private static Dictionary<Guid, int> Loads(JsonElement list) =>
        Pairs(list).GroupBy(p => p.GetProperty("organMemberId").GetGuid()).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task The_office_and_Hefeng_get_a_balanced_list_of_86_pairs_published_with_ids_only()
    {
        var scenario = await PairingScenario.CreateAsync(api);

        var list = await scenario.GenerateListAsync(api);

        Assert.Equal(86, Pairs(list).Count);
        Assert.Equal(1, list.GetProperty("revision").GetInt32());
        var loads = Loads(list);
        Assert.Equal(10, loads.Count);
        Assert.All(loads.Values, n => Assert.InRange(n, 8, 9));
        var published = Assert.Single(await api.OutboxAsync<PairingListPublished>(), e => e.PairingId == scenario.PairingId);
        Assert.Equal(86, published.Pairs.Count);
        Assert.Equal(Pairs(list).Select(p => p.GetProperty("memberPairId").GetGuid()).Order(), published.Pairs.Select(p => p.MemberPairId).Order());
        Assert.DoesNotContain(await api.OutboxPayloadsAsync<PairingListPublished>(), payload => payload.Contains("村党员", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Regenerating_after_one_member_joins_and_one_leaves_keeps_the_other_pairs()
    {
        var scenario = await PairingScenario.CreateAsync(api);
        var first = await scenario.GenerateListAsync(api);
        var firstPairs = Pairs(first).ToDictionary(p => p.GetProperty("villageMemberId").GetGuid(), p => p.GetProperty("memberPairId").GetGuid());

        var joiner = (await api.MembersAsync(scenario.HefengBranch, 1, "新党员"))[0];
        var leaver = scenario.VillageMembers[17];
        await api.WithDbAsync(async db =>
        {
            // Transferred out: Membership's newer event puts the member in another organisation.
            await db.ApplyAsync(new MemberRegistered { MemberId = leaver, Name = "转出党员", Status = MemberStatus.Full, JoinedOn = new DateOnly(2010, 7, 1) }
                .About(leaver, Guid.NewGuid(), 2, DateTimeOffset.UtcNow), CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        var second = await scenario.GenerateListAsync(api);

        var secondPairs = Pairs(second).ToDictionary(p => p.GetProperty("villageMemberId").GetGuid(), p => p.GetProperty("memberPairId").GetGuid());
        Assert.Equal(86, secondPairs.Count);
        Assert.Contains(joiner, secondPairs.Keys);
        Assert.DoesNotContain(leaver, secondPairs.Keys);
        Assert.All(Loads(second).Values, n => Assert.InRange(n, 8, 9));
        var moved = second.GetProperty("moved").GetInt32();
        Assert.True(moved <= 1, $"{moved} pairs moved");
        var unchanged = firstPairs.Count(kv => secondPairs.TryGetValue(kv.Key, out var pairId) && pairId == kv.Value);
        Assert.Equal(85 - moved, unchanged);
        Assert.Equal(2, second.GetProperty("revision").GetInt32());
        Assert.Equal(1 + moved, await api.WithDbAsync(db => db.MemberPairs.CountAsync(p => p.PairingId == scenario.PairingId && p.EndedOn != null)));
    }

    [Fact]
    public async Task The_secretarys_pins_are_honoured_and_a_pin_outside_the_pairing_is_refused()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 3, village: 12);
        using var client = api.CreateClient();
        var pins = scenario.VillageMembers.Take(2).Select(v => new { organMemberId = scenario.OrganMembers[0], villageMemberId = v }).ToArray();

        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/pins", new { pins })).EnsureSuccessStatusCode();
        var refused = await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/pins",
            new { pins = new[] { new { organMemberId = scenario.VillageMembers[5], villageMemberId = scenario.VillageMembers[6] } } });
        var list = await scenario.GenerateListAsync(api);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("pins[0].organMemberId", out _));
        foreach (var pin in pins)
        {
            Assert.Contains(Pairs(list), p => p.GetProperty("villageMemberId").GetGuid() == pin.villageMemberId
                && p.GetProperty("organMemberId").GetGuid() == pin.organMemberId && p.GetProperty("pinned").GetBoolean());
        }

        Assert.All(Loads(list).Values, n => Assert.Equal(4, n));
    }

    [Fact]
    public async Task A_member_sees_their_partners()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 2, village: 5);
        await scenario.GenerateListAsync(api);
        using var client = api.CreateClient();

        var organSide = await client.GetFromJsonAsync<JsonElement>($"/members/{scenario.OrganMembers[0]}/partners");
        var villageSide = await client.GetFromJsonAsync<JsonElement>($"/members/{scenario.VillageMembers[0]}/partners");

        Assert.InRange(organSide.GetArrayLength(), 2, 3);
        Assert.All(organSide.EnumerateArray(), p => Assert.StartsWith("村党员", p.GetProperty("partnerName").GetString()));
        var partner = Assert.Single(villageSide.EnumerateArray());
        Assert.Equal("OrganMember", partner.GetProperty("partnerRole").GetString());
    }

    [Fact]
    public async Task The_list_reads_back_as_published()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 2, village: 7);
        var generated = await scenario.GenerateListAsync(api);
        using var client = api.CreateClient();

        var read = await client.GetFromJsonAsync<JsonElement>($"/organisation-pairings/{scenario.PairingId}/pairing-list");

        Assert.Equal(
            Pairs(generated).Select(p => p.GetProperty("memberPairId").GetGuid()),
            Pairs(read).Select(p => p.GetProperty("memberPairId").GetGuid()));
    }

    [Fact]
    public async Task No_list_for_an_unknown_pairing()
    {
        using var client = api.CreateClient();

        var response = await client.PostAsync($"/organisation-pairings/{Guid.NewGuid()}/pairing-list", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
