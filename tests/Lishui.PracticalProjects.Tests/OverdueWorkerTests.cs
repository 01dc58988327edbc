using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.PracticalProjects;
using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Tests;

/// <summary>The overdue worker as a background service on a clock the test moves: once per overdue period.</summary>
public sealed class OverdueWorkerTests(OverdueWorkerFactory api) : IClassFixture<OverdueWorkerFactory>
{
    private static readonly Guid Hefeng = ProjectsApiFactory.Hefeng;

    [Fact]
    public async Task Overdue_projects_and_unanswered_requests_are_reported_once_per_period()
    {
        var projectsOverdue = await api.SubscribeAsync(typeof(ProjectOverdue));
        var requestsOverdue = await api.SubscribeAsync(typeof(ResidentRequestOverdue));
        using var client = api.CreateClient();
        var today = api.Clock.Today();
        var project = await client.PostAsJsonAsync("/projects", new
        {
            title = "村道硬化", level = "Village", batch = "2026年第一批", domain = "RuralRevitalisation", responsibleOrganisationId = Hefeng,
            responsibleCadre = "何书记", location = "高边经济社", plannedStart = "2026-03-01", plannedEnd = today.AddDays(-3).ToString("yyyy-MM-dd"),
            budget = 300000, fundingSource = "镇财政",
        });
        var projectId = (await project.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var onTime = await client.PostAsJsonAsync("/projects", new
        {
            title = "未到期项目", level = "Village", batch = "2026年第一批", domain = "Other", responsibleOrganisationId = Hefeng,
            responsibleCadre = "何书记", location = "鹤峰村", plannedStart = "2026-03-01", plannedEnd = today.AddDays(10).ToString("yyyy-MM-dd"), budget = 1, fundingSource = "镇财政",
        });
        var onTimeId = (await onTime.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var request = await client.PostAsJsonAsync("/resident-requests", new
        {
            organisationId = Hefeng, subject = "高边村道坑洼", receivedOn = today.AddDays(-16).ToString("yyyy-MM-dd"), recordedBy = "鹤峰村",
        });
        var requestId = (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var fresh = await client.PostAsJsonAsync("/resident-requests", new { organisationId = Hefeng, subject = "新诉求", recordedBy = "鹤峰村" });
        var freshId = (await fresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Many runs on the same day: one event each.
        var first = Assert.Single(await api.ExactlyAsync(projectsOverdue, projectId, 1, "the project is overdue: one event"));
        var firstRequest = Assert.Single(await api.ExactlyAsync(requestsOverdue, requestId, 1, "the request is unanswered past 15 days: one event"));
        Assert.Equal(1, first.GetProperty("overduePeriod").GetInt32());
        Assert.Equal(today.AddDays(-1).ToString("yyyy-MM-dd"), firstRequest.GetProperty("dueOn").GetString());

        // A week later still the same period; a month later the next.
        api.Clock.Advance(TimeSpan.FromDays(7));
        await Task.Delay(1000);
        Assert.Single(await api.EventsAboutAsync(projectsOverdue, projectId));
        Assert.Single(await api.EventsAboutAsync(requestsOverdue, requestId));
        Assert.Empty(await api.EventsAboutAsync(projectsOverdue, onTimeId));
        Assert.Empty(await api.EventsAboutAsync(requestsOverdue, freshId));
        (await client.PostAsJsonAsync($"/resident-requests/{requestId}/answer", new { reply = "已列入村道硬化项目。", answeredBy = "鹤峰村委会" })).EnsureSuccessStatusCode();
        api.Clock.Advance(TimeSpan.FromDays(30));

        var periods = await api.ExactlyAsync(projectsOverdue, projectId, 2, "a new overdue period: one more event");
        Assert.Equal([1, 2], periods.Select(e => e.GetProperty("overduePeriod").GetInt32()));
        Assert.Single(await api.EventsAboutAsync(requestsOverdue, requestId)); // answered: no more
        Assert.Equal(1, Assert.Single(await api.ExactlyAsync(projectsOverdue, onTimeId, 1, "now past its end too")).GetProperty("overduePeriod").GetInt32());
        var fresh37DaysOn = Assert.Single(await api.ExactlyAsync(requestsOverdue, freshId, 1, "37 days unanswered: one event for the current period"));
        Assert.Equal(today.AddDays(30).ToString("yyyy-MM-dd"), fresh37DaysOn.GetProperty("dueOn").GetString());
    }
}
