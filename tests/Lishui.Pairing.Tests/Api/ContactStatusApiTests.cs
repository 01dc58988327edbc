using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

/// <summary>The secretary's list of pairs whose contact is late (联系逾期), each with its last contact.</summary>
public sealed class ContactStatusApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private DateOnly Today => TimeProvider.System.Today();

    [Fact]
    public async Task Late_pairs_come_first_with_their_last_contact_and_a_logged_contact_takes_a_pair_off_the_overdue_list()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 3, contactEveryDays: 30);
        var pairs = (await scenario.GenerateListAsync(api)).GetProperty("pairs").EnumerateArray().Select(p => p.GetProperty("memberPairId").GetGuid()).ToList();
        await api.WithDbAsync(db => db.MemberPairs.Where(p => p.PairingId == scenario.PairingId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Since, Today.AddDays(-40))));
        using var client = api.CreateClient();
        (await client.PostAsJsonAsync($"/member-pairs/{pairs[0]}/contacts",
            new { contactedOn = Today.AddDays(-35).ToString("yyyy-MM-dd"), channel = "Phone", summary = "电话联系" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/member-pairs/{pairs[1]}/contacts",
            new { contactedOn = Today.AddDays(-3).ToString("yyyy-MM-dd"), channel = "Visit", summary = "入户走访" })).EnsureSuccessStatusCode();

        var all = await client.GetFromJsonAsync<JsonElement>($"/organisations/{scenario.Hefeng}/contact-status");
        var rows = all.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        // Never contacted since the list began 40 days ago: 10 days late, before the one 5 days late.
        Assert.Equal([pairs[2], pairs[0], pairs[1]], rows.Select(r => r.GetProperty("memberPairId").GetGuid()));
        Assert.Equal([true, true, false], rows.Select(r => r.GetProperty("overdue").GetBoolean()));
        Assert.Equal([10, 5, 0], rows.Select(r => r.GetProperty("daysOverdue").GetInt32()));
        Assert.Equal(Today.AddDays(-35), DateOnly.Parse(rows[1].GetProperty("lastContactedOn").GetString()!));
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("lastContactedOn").ValueKind);
        Assert.StartsWith("村党员", rows[0].GetProperty("villageMemberName").GetString());

        (await client.PostAsJsonAsync($"/member-pairs/{pairs[0]}/contacts",
            new { contactedOn = Today.ToString("yyyy-MM-dd"), channel = "Meeting", summary = "会面" })).EnsureSuccessStatusCode();
        var overdue = await client.GetFromJsonAsync<JsonElement>($"/organisations/{scenario.Office}/contact-status?overdue=true");
        Assert.Equal([pairs[2]], overdue.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("memberPairId").GetGuid()));
        var onTime = await client.GetFromJsonAsync<JsonElement>($"/organisations/{scenario.Office}/contact-status?overdue=false&pageSize=1&page=2");
        Assert.Equal(2, onTime.GetProperty("total").GetInt32());
        Assert.Single(onTime.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Organisation_pairings_carry_both_organisations_names()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        using var client = api.CreateClient();

        var pairing = await client.GetFromJsonAsync<JsonElement>($"/organisation-pairings/{scenario.PairingId}");
        var listed = await client.GetFromJsonAsync<JsonElement>($"/organisation-pairings?organisationId={scenario.Hefeng}");

        Assert.StartsWith("党建工作办党支部", pairing.GetProperty("organBranchName").GetString());
        Assert.StartsWith("鹤峰村党委", pairing.GetProperty("villageCommitteeName").GetString());
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("villageCommitteeName").GetString()!.StartsWith("鹤峰村党委", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pins_read_back_as_set_before_any_regeneration()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 2);
        using var client = api.CreateClient();
        var pin = new { organMemberId = scenario.OrganMembers[0], villageMemberId = scenario.VillageMembers[1] };
        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/pins", new { pins = new[] { pin } })).EnsureSuccessStatusCode();

        var pins = (await client.GetFromJsonAsync<JsonElement>($"/organisation-pairings/{scenario.PairingId}/pins")).GetProperty("pins").EnumerateArray().ToList();

        var only = Assert.Single(pins);
        Assert.Equal(scenario.VillageMembers[1], only.GetProperty("villageMemberId").GetGuid());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/organisation-pairings/{Guid.NewGuid()}/pins")).StatusCode);
    }
}
