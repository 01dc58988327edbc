using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Shared.Domain;
using Lishui.Testing;

namespace Lishui.PracticalProjects.Tests;

/// <summary>The town overview's requests and projects: each village's month, counted over its subtree.</summary>
public sealed class VillageStatisticsApiTests(ProjectsApiFactory api) : IClassFixture<ProjectsApiFactory>
{
    [Fact]
    public async Task A_villages_month_counts_requests_received_answered_open_and_overdue_and_projects_by_state()
    {
        var village = await api.CreateOrganisationAsync(ProjectsApiFactory.Town, "洲村党委");
        var group = await api.CreateOrganisationAsync(village, "洲村第一党群小组", "PartyMassGroup");
        var today = TimeProvider.System.Today();
        using var client = api.CreateClient();

        async Task<Guid> RequestAsync(string subject, DateOnly receivedOn) =>
            (await (await client.PostAsJsonAsync("/resident-requests", new { organisationId = group, subject, receivedOn = receivedOn.ToString("yyyy-MM-dd"), recordedBy = "洲村" }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var old = today.AddDays(-20);
        await RequestAsync("村道坑洼", old); // unanswered for 20 days: overdue
        var answered = await RequestAsync("路灯不亮", today);
        await RequestAsync("垃圾清运", today);
        (await client.PostAsJsonAsync($"/resident-requests/{answered}/answer", new { reply = "已修复路灯。", answeredBy = "洲村委会" })).EnsureSuccessStatusCode();

        async Task<Guid> ProjectAsync(string title) =>
            (await (await client.PostAsJsonAsync("/projects", new
            {
                title, level = "Village", batch = "2026年第一批", domain = "RuralRevitalisation", responsibleOrganisationId = village,
                responsibleCadre = "周书记", location = "洲村", plannedStart = "2026-03-01", plannedEnd = today.AddDays(60).ToString("yyyy-MM-dd"), budget = 1000, fundingSource = "镇财政",
            })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var road = await ProjectAsync("村道硬化");
        await ProjectAsync("文化室修缮");
        foreach (var status in new[] { "Approved", "InProgress" })
        {
            (await client.PostAsJsonAsync($"/projects/{road}/status-changes", new { status, effectiveOn = today.ToString("yyyy-MM-dd"), decidedBy = "镇党委" })).EnsureSuccessStatusCode();
        }

        (await client.PostAsJsonAsync($"/projects/{road}/progress", new { progress = 40 })).EnsureSuccessStatusCode();

        using var auditor = api.ClientWith(TestTokens.Auditor());
        var statistics = await auditor.GetFromJsonAsync<JsonElement>($"/statistics/villages?month={today:yyyy-MM}");
        var row = statistics.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("villageId").GetGuid() == village);
        Assert.Equal("洲村党委", row.GetProperty("village").GetString());
        Assert.Equal(old.Month == today.Month ? 3 : 2, row.GetProperty("requestsReceived").GetInt32());
        Assert.Equal(1, row.GetProperty("requestsAnswered").GetInt32());
        Assert.Equal(2, row.GetProperty("requestsOpen").GetInt32());
        Assert.Equal(1, row.GetProperty("requestsOverdue").GetInt32());
        Assert.Equal(2, row.GetProperty("projects").GetInt32());
        Assert.Equal(1, row.GetProperty("projectsByStatus").GetProperty("InProgress").GetInt32());
        Assert.Equal(1, row.GetProperty("projectsByStatus").GetProperty("Proposed").GetInt32());
        Assert.Equal(40m, row.GetProperty("averageProgress").GetDecimal());

        // The month before the old request arrived: nothing of this village yet; the town is no village.
        var earlier = (await auditor.GetFromJsonAsync<JsonElement>($"/statistics/villages?month={old.AddMonths(-1):yyyy-MM}"))
            .GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("villageId").GetGuid() == village);
        Assert.Equal((0, 0, 0), (earlier.GetProperty("requestsReceived").GetInt32(), earlier.GetProperty("requestsOpen").GetInt32(), earlier.GetProperty("requestsOverdue").GetInt32()));
        Assert.DoesNotContain(statistics.GetProperty("villages").EnumerateArray(), v => v.GetProperty("villageId").GetGuid() == ProjectsApiFactory.Town);

        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientWith(TestTokens.Secretary(village)).GetAsync("/statistics/villages")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync("/statistics/villages?month=May")).StatusCode);
    }
}
