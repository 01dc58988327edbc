using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Testing;

namespace Lishui.Assessment.Tests.Api;

/// <summary>The town overview's points distribution: each village's members by grade and band, computed over its subtree.</summary>
public sealed class VillageStatisticsApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>
{
    [Fact]
    public async Task Each_village_shows_its_members_by_grade_and_band_and_the_town_is_not_a_village()
    {
        var town = await api.CreateOrganisationAsync(null, "里水镇党委", "PartyCommittee");
        var village = await api.CreateOrganisationAsync(town, "鹤峰村党委", "PartyCommittee");
        var branch = await api.CreateOrganisationAsync(village, "鹤峰村第一党支部");
        var gaobian = await api.CreateOrganisationAsync(branch, "高边党群小组", "PartyMassGroup", "高边经济社");
        var members = await api.RegisterMembersAsync(gaobian, "张建国", "李秀英", "陈伟");
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(village, 2031));
        foreach (var d in new[] { "daily-conduct", "village-work", "organisational-life", "volunteer-service", "visiting-residents" })
        {
            (await api.EnterAsync(scheme, members[0], d, 19)).EnsureSuccessStatusCode(); // 95
            (await api.EnterAsync(scheme, members[1], d, 15)).EnsureSuccessStatusCode(); // 75
        }

        using var auditor = api.ClientWith(TestTokens.Auditor());
        var open = await auditor.GetFromJsonAsync<JsonElement>("/statistics/villages?year=2031");
        var row = Row(open, village);
        Assert.Equal("鹤峰村党委", row.GetProperty("village").GetString());
        Assert.False(row.GetProperty("closed").GetBoolean());
        Assert.Equal(3, row.GetProperty("assessed").GetInt32());
        Assert.Equal(1, row.GetProperty("grades").GetProperty("Excellent").GetInt32());
        Assert.Equal(1, row.GetProperty("grades").GetProperty("Qualified").GetInt32());
        Assert.Equal(1, row.GetProperty("grades").GetProperty("Unqualified").GetInt32());
        Assert.Equal([1, 0, 1, 0, 1], row.GetProperty("bands").EnumerateArray().Select(b => b.GetInt32()));
        Assert.Equal(56.7m, row.GetProperty("averageTotal").GetDecimal());
        Assert.DoesNotContain(open.GetProperty("villages").EnumerateArray(), v => v.GetProperty("villageId").GetGuid() == town);

        // Closed: the stored results, the same figures.
        using var admin = api.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/schemes/{scheme}/close", new { })).StatusCode);
        var closed = Row(await auditor.GetFromJsonAsync<JsonElement>("/statistics/villages?year=2031"), village);
        Assert.True(closed.GetProperty("closed").GetBoolean());
        Assert.Equal([1, 0, 1, 0, 1], closed.GetProperty("bands").EnumerateArray().Select(b => b.GetInt32()));

        // Another year has nothing for the village: no average rather than a 0.
        var empty = Row(await auditor.GetFromJsonAsync<JsonElement>("/statistics/villages?year=2030"), village);
        Assert.Equal(0, empty.GetProperty("assessed").GetInt32());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("averageTotal").ValueKind);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientWith(TestTokens.Secretary(village)).GetAsync("/statistics/villages?year=2031")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/statistics/villages?year=abc")).StatusCode);
    }

    private static JsonElement Row(JsonElement statistics, Guid village) =>
        statistics.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("villageId").GetGuid() == village);
}
