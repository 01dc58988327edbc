using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Shared.Domain;
using Lishui.Testing;

namespace Lishui.Pairing.Tests.Api;

/// <summary>The town overview's Pairing figures: each village's Tuesday attendance and pairs in contact on time, per month.</summary>
public sealed class VillageStatisticsApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    [Fact]
    public async Task A_villages_month_shows_attendance_of_its_sessions_and_its_pairs_in_contact_on_time()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 2, village: 3);
        var pairs = (await scenario.GenerateListAsync(api)).GetProperty("pairs").GetArrayLength();
        var today = TimeProvider.System.Today();
        var tuesday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7));
        using var client = api.CreateClient();
        var attendance = new object[]
        {
            new { memberId = scenario.OrganMembers[0], status = "Present" },
            new { memberId = scenario.OrganMembers[1], status = "Excused", reason = "出差" },
            new { memberId = scenario.VillageMembers[0], status = "Present" },
            new { memberId = scenario.VillageMembers[1], status = "Absent" },
        };
        (await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions",
            new { heldOn = tuesday.ToString("yyyy-MM-dd"), topic = "第一议题：学习最新指示精神", attendance })).EnsureSuccessStatusCode();

        using var auditor = api.ClientWith(TestTokens.Auditor());
        var month = Row(await auditor.GetFromJsonAsync<JsonElement>($"/statistics/villages?month={tuesday:yyyy-MM}"), scenario.Hefeng);
        Assert.Equal("鹤峰村党委", month.GetProperty("village").GetString());
        Assert.Equal(1, month.GetProperty("sessions").GetInt32());
        Assert.Equal((4, 2, 1), (month.GetProperty("attendanceRecorded").GetInt32(), month.GetProperty("present").GetInt32(), month.GetProperty("excused").GetInt32()));
        Assert.Equal(0.5m, month.GetProperty("attendanceRate").GetDecimal());

        // The pairs made today are all within their 30 days.
        var now = Row(await auditor.GetFromJsonAsync<JsonElement>($"/statistics/villages?month={today:yyyy-MM}"), scenario.Hefeng);
        Assert.True(pairs > 0);
        Assert.Equal(pairs, now.GetProperty("activePairs").GetInt32());
        Assert.Equal(pairs, now.GetProperty("pairsOnTime").GetInt32());
        Assert.Equal(1m, now.GetProperty("contactRate").GetDecimal());

        // A month before any of it: nothing, and no rate rather than a misleading 0.
        var before = Row(await auditor.GetFromJsonAsync<JsonElement>($"/statistics/villages?month={today.AddYears(-1):yyyy-MM}"), scenario.Hefeng);
        Assert.Equal(0, before.GetProperty("activePairs").GetInt32());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("attendanceRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("contactRate").ValueKind);

        // The office branch is no village; a secretary may not read the town's figures.
        Assert.DoesNotContain((await auditor.GetFromJsonAsync<JsonElement>("/statistics/villages")).GetProperty("villages").EnumerateArray(),
            v => v.GetProperty("villageId").GetGuid() == scenario.Office);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientWith(TestTokens.Secretary(scenario.Hefeng)).GetAsync("/statistics/villages")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/statistics/villages?month=2026-13")).StatusCode);
    }

    private static JsonElement Row(JsonElement statistics, Guid village) =>
        statistics.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("villageId").GetGuid() == village);
}
