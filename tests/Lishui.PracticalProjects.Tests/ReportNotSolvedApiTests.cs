using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.PracticalProjects;
using Lishui.PracticalProjects.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Tests;

/// <summary>
/// "答复了但没解决": the resident who raised a request says, with its reference number and without signing
/// in, that the answer or the finished project did not solve it; the request is handled again, the reason
/// kept in its history, an event tells the organisation, and the public status page shows the steps.
/// </summary>
public sealed class ReportNotSolvedApiTests(ProjectsApiFactory api) : IClassFixture<ProjectsApiFactory>
{
    private static readonly Guid Hefeng = ProjectsApiFactory.Hefeng;

    private static async Task<(Guid Id, string Reference)> RecordAsync(HttpClient client, string subject)
    {
        using var response = await client.PostAsJsonAsync("/resident-requests", new
        {
            organisationId = Hefeng, subject, location = "鹤峰村小学门口", category = "Education", recordedBy = "鹤峰村党群服务中心",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("referenceNumber").GetString()!);
    }

    private static async Task<HttpResponseMessage> NotSolvedAsync(HttpClient anonymous, string reference, string reason, string? key = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/public/requests/{reference}/not-solved") { Content = JsonContent.Create(new { reason }) };
        if (key is not null)
        {
            message.Headers.Add("Idempotency-Key", key);
        }

        return await anonymous.SendAsync(message);
    }

    [Fact]
    public async Task An_answered_request_reopens_with_the_residents_reason_once_per_key_and_the_status_page_shows_its_history()
    {
        var reopenedEvents = await api.SubscribeAsync(typeof(ResidentRequestReopened));
        using var client = api.CreateClient();
        using var anonymous = api.ClientWith(null);
        var (id, reference) = await RecordAsync(client, "学生接送点没有遮雨的地方");
        (await client.PostAsJsonAsync($"/resident-requests/{id}/answer", new { reply = "已在接送点加装临时雨棚。" })).EnsureSuccessStatusCode();
        Assert.True((await anonymous.GetFromJsonAsync<JsonElement>($"/public/requests/{reference}")).GetProperty("canReportNotSolved").GetBoolean());

        var key = Guid.NewGuid().ToString();
        using var first = await NotSolvedAsync(anonymous, reference.ToLowerInvariant(), "雨棚太小，下雨时孩子还是淋雨", key);
        using var retry = await NotSolvedAsync(anonymous, reference, "雨棚太小，下雨时孩子还是淋雨", key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var status = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Reopened", "群众反映未解决，重新办理", false),
            (status.GetProperty("status").GetString(), status.GetProperty("statusText").GetString(), status.GetProperty("canReportNotSolved").GetBoolean()));
        var evt = Assert.Single(await api.ExactlyAsync(reopenedEvents, id, 1, "one ResidentRequestReopened for one report, retried"));
        Assert.Equal((reference, "Answered", "雨棚太小，下雨时孩子还是淋雨", 1, Hefeng),
            (evt.GetProperty("referenceNumber").GetString(), evt.GetProperty("previousStatus").GetString(), evt.GetProperty("reason").GetString(),
             evt.GetProperty("reopenings").GetInt32(), evt.GetProperty("organisationId").GetGuid()));

        // Handled again and answered again: the page shows every step, the resident's reason with its reopening only.
        (await client.PostAsJsonAsync($"/resident-requests/{id}/answer", new { reply = "已将雨棚延长至校门口。" })).EnsureSuccessStatusCode();
        var page = await anonymous.GetFromJsonAsync<JsonElement>($"/public/requests/{reference}");
        var steps = page.GetProperty("history").EnumerateArray().Select(h => (h.GetProperty("status").GetString(), h.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null)).ToList();
        Assert.Equal([("Received", null), ("Answered", null), ("Reopened", "雨棚太小，下雨时孩子还是淋雨"), ("Answered", null)], steps);
        Assert.Equal("已将雨棚延长至校门口。", page.GetProperty("reply").GetString());
        Assert.True(page.GetProperty("canReportNotSolved").GetBoolean());
        var request = await client.GetFromJsonAsync<JsonElement>($"/resident-requests/{id}");
        Assert.Equal("Answered", request.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_request_not_yet_answered_an_unknown_number_or_no_reason_is_refused_in_chinese_and_nothing_changes()
    {
        var reopenedEvents = await api.SubscribeAsync(typeof(ResidentRequestReopened));
        using var client = api.CreateClient();
        using var anonymous = api.ClientWith(null);
        var (id, reference) = await RecordAsync(client, "巷口路灯不亮");

        using var notAnswered = await NotSolvedAsync(anonymous, reference, "还是不亮");
        using var unknown = await NotSolvedAsync(anonymous, "MS2026-99999", "还是不亮");
        (await client.PostAsJsonAsync($"/resident-requests/{id}/answer", new { reply = "已报修。" })).EnsureSuccessStatusCode();
        using var noReason = await NotSolvedAsync(anonymous, reference, "  ");
        using var tooLong = await NotSolvedAsync(anonymous, reference, new string('灯', 501));

        Assert.Equal(
            [HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity],
            new[] { notAnswered.StatusCode, unknown.StatusCode, noReason.StatusCode, tooLong.StatusCode });
        var problem = await notAnswered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("request.not-reopenable", problem.GetProperty("code").GetString());
        Assert.StartsWith("诉求尚未答复", problem.GetProperty("title").GetString());
        Assert.Equal("request.reopen-reason-invalid", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("code").GetString());
        Assert.Equal(RequestStatus.Answered, await api.WithDbAsync(db => db.ResidentRequests.Where(r => r.Id == new ResidentRequestId(id)).Select(r => r.Status).SingleAsync()));
        await Task.Delay(700);
        Assert.Empty(await api.EventsAboutAsync(reopenedEvents, id));
    }

    [Fact]
    public async Task A_request_turned_into_a_project_can_be_reported_not_solved_only_once_the_project_is_finished()
    {
        var reopenedEvents = await api.SubscribeAsync(typeof(ResidentRequestReopened));
        using var client = api.CreateClient();
        using var anonymous = api.ClientWith(null);
        var (id, reference) = await RecordAsync(client, "接送点需要风雨棚");
        using var proposed = await client.PostAsJsonAsync("/projects", new
        {
            title = "护苗长廊（学生接送点风雨棚）", level = "Village", batch = "2026年第一批", domain = "Education", responsibleOrganisationId = Hefeng,
            responsibleCadre = "何书记", location = "鹤峰村小学门口", plannedStart = "2026-06-01", plannedEnd = "2026-09-30", budget = 180000, fundingSource = "党群共建专项资金",
        });
        var projectId = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await client.PostAsJsonAsync($"/resident-requests/{id}/project", new { projectId })).EnsureSuccessStatusCode();

        using var whileRunning = await NotSolvedAsync(anonymous, reference, "长廊还没建好");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, whileRunning.StatusCode);
        Assert.StartsWith("该诉求已转为办实事项目", (await whileRunning.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        foreach (var step in new[] { "Approved", "InProgress", "Completed" })
        {
            (await client.PostAsJsonAsync($"/projects/{projectId}/status-changes", new { status = step, effectiveOn = "2026-07-01" })).EnsureSuccessStatusCode();
        }

        Assert.True((await anonymous.GetFromJsonAsync<JsonElement>($"/public/requests/{reference}")).GetProperty("canReportNotSolved").GetBoolean());
        using var afterCompletion = await NotSolvedAsync(anonymous, reference, "长廊建在马路另一边，孩子等车的地方还是没有遮挡");

        Assert.Equal(HttpStatusCode.Created, afterCompletion.StatusCode);
        var evt = Assert.Single(await api.ExactlyAsync(reopenedEvents, id, 1, "one ResidentRequestReopened"));
        Assert.Equal(("TurnedIntoProject", projectId), (evt.GetProperty("previousStatus").GetString(), evt.GetProperty("projectId").GetGuid()));
    }
}
