using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Pairing;
using Lishui.Contracts.PracticalProjects;
using Lishui.Testing;

namespace Lishui.PracticalProjects.Tests;

/// <summary>
/// The story end to end: the pupils' pick-up point shelter request raised at a stationing visit
/// (Pairing's event on the real broker) becomes the care corridor (护苗长廊), approved, funded from the
/// party–mass co-building special fund, with milestones and progress; every step is one event.
/// </summary>
public sealed class CareCorridorFlowTests(ProjectsApiFactory api) : IClassFixture<ProjectsApiFactory>
{
    private static readonly Guid Hefeng = ProjectsApiFactory.Hefeng;
    private const string SpecialFund = "党群共建专项资金";

    private static ResidentRequestRaised PickUpShelter(Guid pairingRequestId, string reference) => new ResidentRequestRaised
    {
        RequestId = pairingRequestId,
        ReferenceNumber = reference,
        StationingVisitId = Guid.CreateVersion7(),
        VillageCommitteeId = Hefeng,
        StationedLeaderMemberId = Guid.CreateVersion7(),
        RaisedOn = new DateOnly(2026, 6, 9),
        RaisedByHouseholdId = null,
        RaisedByName = "邹润好",
        Subject = "学生接送点下雨天没有遮风挡雨的地方，希望改善接送点环境",
        Location = "鹤峰村学生接送点",
        Category = "Education",
        ContactHeld = true,
    }.About(pairingRequestId, Hefeng, 1, DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_pick_up_shelter_request_becomes_the_approved_funded_care_corridor_with_one_event_per_step()
    {
        var received = await api.SubscribeAsync(typeof(ResidentRequestReceived));
        var accepted = await api.SubscribeAsync(typeof(ResidentRequestAccepted));
        var turned = await api.SubscribeAsync(typeof(ResidentRequestTurnedIntoProject));
        var proposed = await api.SubscribeAsync(typeof(ProjectProposed));
        var statuses = await api.SubscribeAsync(typeof(ProjectStatusChanged));
        var grants = await api.SubscribeAsync(typeof(ProjectFundsGranted));
        var milestones = await api.SubscribeAsync(typeof(ProjectMilestoneReached));
        var progress = await api.SubscribeAsync(typeof(ProjectProgressReported));
        using var client = api.CreateClient();
        (await client.PutAsJsonAsync("/funds/2026", new { budget = 5_000_000 })).EnsureSuccessStatusCode(); // the year's special fund

        // Pairing publishes the request; a redelivery and a re-sent copy change nothing.
        var pairingRequestId = Guid.CreateVersion7();
        var reference = $"ZD2026-{Random.Shared.Next(10000, 99999)}";
        var raised = PickUpShelter(pairingRequestId, reference);
        await api.PublishAsync(raised);
        await api.PublishAsync(raised);
        await api.PublishAsync(raised with { EventId = Guid.CreateVersion7() });
        var list = await Eventually.MatchAsync(
            () => client.GetFromJsonAsync<JsonElement>($"/resident-requests?pairingRequestId={pairingRequestId}"),
            page => page.GetProperty("total").GetInt32() >= 1, because: "the request should arrive from Pairing");
        await Task.Delay(700);
        list = await client.GetFromJsonAsync<JsonElement>($"/resident-requests?pairingRequestId={pairingRequestId}");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var request = list.GetProperty("items")[0];
        var requestId = request.GetProperty("id").GetGuid();
        Assert.Equal(reference, request.GetProperty("referenceNumber").GetString());
        Assert.Equal("StationingVisit", request.GetProperty("origin").GetString());
        Assert.Equal("pairing", request.GetProperty("contactHeldBy").GetString());
        Assert.DoesNotContain("邹润好", request.GetRawText(), StringComparison.Ordinal);

        (await client.PostAsJsonAsync($"/resident-requests/{requestId}/acceptance", new { decidedBy = "余海生（驻点领导）" })).EnsureSuccessStatusCode();
        var turnedInto = await client.PostAsJsonAsync($"/resident-requests/{requestId}/project", new
        {
            decidedBy = "鹤峰村党委",
            note = "在接送点与鹤峰村文化驿站之间搭建护苗长廊",
            project = new
            {
                title = "护苗长廊（学生接送点至鹤峰村文化驿站）", level = "Village", batch = "2026年第一批", domain = "Education",
                responsibleOrganisationId = Hefeng, responsibleCadre = "鹤峰村党委书记", location = "鹤峰村学生接送点至鹤峰村文化驿站",
                plannedStart = "2026-07-01", plannedEnd = "2026-12-31", budget = 180000, fundingSource = SpecialFund, village = "鹤峰村",
            },
        });
        turnedInto.EnsureSuccessStatusCode();
        var projectId = (await turnedInto.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("projectId").GetGuid();

        (await client.PostAsJsonAsync($"/projects/{projectId}/status-changes", new { status = "Approved", effectiveOn = "2026-06-20", decidedBy = "里水镇党委" })).EnsureSuccessStatusCode();
        var grant = await client.PostAsJsonAsync($"/projects/{projectId}/grants", new { amount = 150000, grantedOn = "2026-06-25", grantedBy = "镇财政所" });
        Assert.Equal(HttpStatusCode.Created, grant.StatusCode);
        var planned = new List<Guid>();
        foreach (var (name, on) in new[] { ("方案设计与公示", "2026-07-15"), ("长廊主体施工", "2026-10-31"), ("竣工验收", "2026-12-20") })
        {
            var milestone = await client.PostAsJsonAsync($"/projects/{projectId}/milestones", new { name, plannedOn = on });
            Assert.Equal(HttpStatusCode.Created, milestone.StatusCode);
            planned.Add((await milestone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        (await client.PostAsJsonAsync($"/projects/{projectId}/status-changes", new { status = "InProgress", effectiveOn = "2026-07-01", decidedBy = "鹤峰村党委" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/projects/{projectId}/milestones/{planned[0]}/reached", new { reachedOn = "2026-07-14", recordedBy = "鹤峰村党委" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/projects/{projectId}/progress", new { progress = 35, reportedBy = "鹤峰村党委" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/projects/{projectId}/updates", new { text = "长廊立柱已完成浇筑，雨天接送将可直达文化驿站。", publishedBy = "鹤峰村党委" })).EnsureSuccessStatusCode();

        var project = await client.GetFromJsonAsync<JsonElement>($"/projects/{projectId}");
        Assert.Equal("InProgress", project.GetProperty("status").GetString());
        Assert.Equal(SpecialFund, project.GetProperty("fundingSource").GetString());
        Assert.Equal(150000m, project.GetProperty("granted").GetDecimal());
        Assert.Equal(35, project.GetProperty("progress").GetInt32());
        Assert.Equal([requestId], project.GetProperty("originRequestIds").EnumerateArray().Select(e => e.GetGuid()));

        // One event per step, counted on queues bound to the exchanges as any subscriber would bind them.
        await api.ExactlyAsync(received, requestId, 1, "one ResidentRequestReceived despite the duplicates");
        await api.ExactlyAsync(accepted, requestId, 1, "one ResidentRequestAccepted");
        var turnedEvent = Assert.Single(await api.ExactlyAsync(turned, requestId, 1, "one ResidentRequestTurnedIntoProject"));
        Assert.Equal("pairing", turnedEvent.GetProperty("contactHeldBy").GetString());
        Assert.Equal(pairingRequestId, turnedEvent.GetProperty("contactRequestId").GetGuid());
        Assert.Equal(projectId, turnedEvent.GetProperty("projectId").GetGuid());
        Assert.Equal(reference, turnedEvent.GetProperty("referenceNumber").GetString());
        await api.ExactlyAsync(proposed, projectId, 1, "one ProjectProposed");
        Assert.Equal(["Approved", "InProgress"], (await api.ExactlyAsync(statuses, projectId, 2, "two status changes")).Select(e => e.GetProperty("status").GetString()));
        var granted = Assert.Single(await api.ExactlyAsync(grants, projectId, 1, "one grant"));
        Assert.Equal(SpecialFund, granted.GetProperty("fundingSource").GetString());
        await api.ExactlyAsync(milestones, projectId, 1, "one milestone reached");
        await api.ExactlyAsync(progress, projectId, 1, "one progress report");

        // The public pages: the request's status with its project, the project's record; nothing personal.
        var status = await client.GetFromJsonAsync<JsonElement>($"/public/requests/{reference}");
        Assert.Equal("TurnedIntoProject", status.GetProperty("status").GetString());
        Assert.Equal(projectId, status.GetProperty("project").GetProperty("id").GetGuid());
        foreach (var personal in new[] { "邹润好", "学生接送点下雨天", "contact", "phone" })
        {
            Assert.DoesNotContain(personal, status.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }

        var record = await client.GetFromJsonAsync<JsonElement>($"/public/projects/{projectId}");
        Assert.Equal(35, record.GetProperty("project").GetProperty("rolledUpProgress").GetInt32());
        Assert.Equal(3, record.GetProperty("milestones").GetArrayLength());
        Assert.Equal("2026-07-14", record.GetProperty("milestones")[0].GetProperty("reachedOn").GetString());
        Assert.Equal([reference], record.GetProperty("originRequestReferenceNumbers").EnumerateArray().Select(e => e.GetString()));
        var kinds = record.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Status", "Grant", "Status", "Milestone"], kinds.Take(4));
        Assert.Contains("Progress", kinds);
        Assert.Contains("Update", kinds);
    }

    [Fact]
    public async Task A_grant_beyond_the_remaining_budget_is_refused_without_an_override_reason_and_nothing_is_written()
    {
        using var client = api.CreateClient();
        (await client.PutAsJsonAsync("/funds/2026", new { budget = 5_000_000 })).EnsureSuccessStatusCode(); // the year's special fund
        var projectId = await ProposeAsync(client, budget: 100000);

        (await client.PostAsJsonAsync($"/projects/{projectId}/grants", new { amount = 80000, grantedBy = "镇财政所" })).EnsureSuccessStatusCode();
        var before = await client.GetFromJsonAsync<JsonElement>($"/projects/{projectId}");
        var refused = await client.PostAsJsonAsync($"/projects/{projectId}/grants", new { amount = 30000, grantedBy = "镇财政所" });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var after = await client.GetFromJsonAsync<JsonElement>($"/projects/{projectId}");
        var overridden = await client.PostAsJsonAsync($"/projects/{projectId}/grants",
            new { amount = 30000, grantedBy = "镇财政所", overrideReason = "材料涨价，经镇党委会议研究追加" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("grant.over-budget", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("overrideReason", out _));
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal(80000m, after.GetProperty("granted").GetDecimal());
        Assert.Equal(HttpStatusCode.Created, overridden.StatusCode);
        var final = await client.GetFromJsonAsync<JsonElement>($"/projects/{projectId}");
        Assert.Equal(110000m, final.GetProperty("granted").GetDecimal());
        Assert.Equal("材料涨价，经镇党委会议研究追加", final.GetProperty("grants")[1].GetProperty("overrideReason").GetString());
    }

    [Fact]
    public async Task Progress_goes_back_only_with_a_reason_and_the_reason_is_on_the_public_timeline()
    {
        using var client = api.CreateClient();
        var projectId = await ProposeAsync(client);
        foreach (var s in new[] { "Approved", "InProgress" })
        {
            (await client.PostAsJsonAsync($"/projects/{projectId}/status-changes", new { status = s, effectiveOn = "2026-07-01", decidedBy = "镇党委" })).EnsureSuccessStatusCode();
        }

        (await client.PostAsJsonAsync($"/projects/{projectId}/progress", new { progress = 70 })).EnsureSuccessStatusCode();
        var backwards = await client.PostAsJsonAsync($"/projects/{projectId}/progress", new { progress = 50 });
        var outOfRange = await client.PostAsJsonAsync($"/projects/{projectId}/progress", new { progress = 120 });
        (await client.PostAsJsonAsync($"/projects/{projectId}/progress", new { progress = 50, reason = "顶棚防水不合格返工" })).EnsureSuccessStatusCode();

        Assert.Equal("project.progress-backwards", (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("project.progress-out-of-range", (await outOfRange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var record = await client.GetFromJsonAsync<JsonElement>($"/public/projects/{projectId}");
        var texts = record.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "Progress").Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(2, texts.Count);
        Assert.Contains("顶棚防水不合格返工", texts[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Residents_rate_a_project_only_after_completion_and_the_average_is_public()
    {
        using var client = api.CreateClient();
        var projectId = await ProposeAsync(client);
        var tooEarly = await client.PostAsJsonAsync($"/projects/{projectId}/ratings", new { score = 5 });
        foreach (var s in new[] { "Approved", "InProgress", "Completed" })
        {
            (await client.PostAsJsonAsync($"/projects/{projectId}/status-changes", new { status = s, effectiveOn = "2026-07-01", decidedBy = "镇党委" })).EnsureSuccessStatusCode();
        }

        var outOfScale = await client.PostAsJsonAsync($"/projects/{projectId}/ratings", new { score = 6 });
        var household = Guid.CreateVersion7();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/projects/{projectId}/ratings", new { score = 5, comment = "下雨天孩子不再淋雨了", householdId = household })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/projects/{projectId}/ratings", new { score = 4 })).StatusCode);
        var again = await client.PostAsJsonAsync($"/projects/{projectId}/ratings", new { score = 1, householdId = household });

        Assert.Equal("rating.project-not-completed", (await tooEarly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("rating.score-invalid", (await outOfScale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var satisfaction = (await client.GetFromJsonAsync<JsonElement>($"/public/projects/{projectId}")).GetProperty("project").GetProperty("satisfaction");
        Assert.Equal(4.5m, satisfaction.GetProperty("average").GetDecimal());
        Assert.Equal(2, satisfaction.GetProperty("count").GetInt32());
    }

    private static async Task<Guid> ProposeAsync(HttpClient client, decimal budget = 180000, string batch = "2026年第一批")
    {
        var response = await client.PostAsJsonAsync("/projects", new
        {
            title = "护苗长廊", level = "Village", batch, domain = "Education", responsibleOrganisationId = Hefeng, responsibleCadre = "何书记",
            location = "鹤峰村", plannedStart = "2026-07-01", plannedEnd = "2026-12-31", budget, fundingSource = SpecialFund,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
