using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Contracts.PracticalProjects;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Tests;

public sealed class ProjectApiTests(ProjectsApiFactory api) : IClassFixture<ProjectsApiFactory>
{
    private static readonly Guid Hefeng = ProjectsApiFactory.Hefeng;

    private static object CareCorridor(Guid? parentId = null, int weight = 1, string title = "护苗长廊（学生接送点风雨棚）", Guid? organisationId = null) => new
    {
        title,
        level = "Village",
        batch = "2026年第一批",
        domain = "Education",
        responsibleOrganisationId = organisationId ?? Hefeng,
        responsibleCadre = "何书记",
        location = "鹤峰村小学门口",
        plannedStart = "2026-12-01",
        plannedEnd = "2027-03-31",
        budget = 180000,
        fundingSource = "党群共建专项资金",
        parentId,
        weight,
    };

    [Fact]
    public async Task A_project_for_an_organisation_the_service_does_not_know_is_refused_naming_the_field_and_never_reaches_the_public_board()
    {
        var unknown = Guid.CreateVersion7();
        using var client = api.CreateClient();
        using var anonymous = api.ClientWith(null);
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> ProposeAsync()
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "/projects") { Content = JsonContent.Create(CareCorridor(title: "大冲村护苗长廊", organisationId: unknown)) };
            message.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(message);
        }

        var refused = await ProposeAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        var error = Assert.Single(problem.GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal(("responsibleOrganisationId", "organisation.unknown"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.StartsWith("责任单位不在组织名册中", error.GetProperty("message").GetString());
        Assert.False(await api.WithDbAsync(db => db.Projects.AnyAsync(p => p.ResponsibleOrganisationId == unknown)));
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<JsonElement>($"/public/projects?organisationId={unknown}")).GetProperty("total").GetInt32());

        // Membership's event arrives late: once the local view has the organisation, the same request goes through.
        await api.PublishAsync(new OrganisationCreated { ParentId = null, Name = "大冲村党委", Kind = OrganisationKind.PartyCommittee, EconomicCooperative = null }
            .About(unknown, unknown, 1, DateTimeOffset.UtcNow));
        await Eventually.MatchAsync(
            () => api.WithDbAsync(db => db.Set<LocalOrganisation>().AnyAsync(o => o.OrganisationId == unknown)), known => known, because: "OrganisationCreated consumed");
        var accepted = await ProposeAsync();

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(1, (await anonymous.GetFromJsonAsync<JsonElement>($"/public/projects?organisationId={unknown}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_care_corridor_is_approved_built_and_completed_with_one_event_per_change()
    {
        var statusEvents = await api.SubscribeAsync(typeof(ProjectStatusChanged));
        using var client = api.CreateClient();
        var created = await client.PostAsJsonAsync("/projects", CareCorridor());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var status in new[] { "Approved", "InProgress" })
        {
            (await client.PostAsJsonAsync($"/projects/{id}/status-changes", new { status, effectiveOn = "2026-11-20", decidedBy = "镇党委" })).EnsureSuccessStatusCode();
        }

        (await client.PostAsJsonAsync($"/projects/{id}/progress", new { progress = 60 })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/projects/{id}/status-changes", new { status = "Completed", effectiveOn = "2026-11-24", decidedBy = "鹤峰村党委" })).EnsureSuccessStatusCode();

        var project = await client.GetFromJsonAsync<JsonElement>($"/projects/{id}");
        Assert.Equal("Completed", project.GetProperty("status").GetString());
        Assert.Equal(100, project.GetProperty("progress").GetInt32());
        Assert.Equal(3, project.GetProperty("timeline").GetArrayLength());
        var delivered = await Eventually.MatchAsync(() => api.Infrastructure.CountMessagesAsync(statusEvents), n => n >= 3, because: "three status changes");
        await Task.Delay(500);
        Assert.Equal(3u, await api.Infrastructure.CountMessagesAsync(statusEvents));
        Assert.Equal(3u, delivered);
    }

    [Fact]
    public async Task An_illegal_step_and_a_backward_progress_without_reason_are_refused_and_change_nothing()
    {
        using var client = api.CreateClient();
        var id = (await (await client.PostAsJsonAsync("/projects", CareCorridor(title: "村道路灯"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var skip = await client.PostAsJsonAsync($"/projects/{id}/status-changes", new { status = "Completed", effectiveOn = "2026-11-24", decidedBy = "x" });
        var cancel = await client.PostAsJsonAsync($"/projects/{id}/status-changes", new { status = "Cancelled", effectiveOn = "2026-11-24", decidedBy = "x" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, skip.StatusCode);
        Assert.Equal("project.transition-illegal", (await skip.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("project.reason-required", (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var project = await client.GetFromJsonAsync<JsonElement>($"/projects/{id}");
        Assert.Equal("Proposed", project.GetProperty("status").GetString());
        Assert.Equal(1, project.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_town_key_project_rolls_up_the_progress_of_its_village_sub_projects()
    {
        using var client = api.CreateClient();
        async Task<Guid> Propose(object body) =>
            (await (await client.PostAsJsonAsync("/projects", body)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        async Task Run(Guid id, int progress)
        {
            foreach (var status in new[] { "Approved", "InProgress" })
            {
                (await client.PostAsJsonAsync($"/projects/{id}/status-changes", new { status, effectiveOn = "2026-11-20", decidedBy = "镇党委" })).EnsureSuccessStatusCode();
            }

            (await client.PostAsJsonAsync($"/projects/{id}/progress", new { progress })).EnsureSuccessStatusCode();
        }

        var key = await Propose(CareCorridor(title: "全镇护苗长廊建设"));
        await Run(await Propose(CareCorridor(key, weight: 3, title: "鹤峰村护苗长廊")), 100);
        await Run(await Propose(CareCorridor(key, weight: 1, title: "岑岗村护苗长廊")), 20);

        var project = await client.GetFromJsonAsync<JsonElement>($"/projects/{key}");

        Assert.Equal(80, project.GetProperty("rolledUpProgress").GetInt32());
    }

    [Fact]
    public async Task Gaobian_road_passes_with_forty_four_of_forty_eight_households_and_every_visit_is_an_event()
    {
        var visits = await api.SubscribeAsync(typeof(HouseholdVisited));
        var results = await api.SubscribeAsync(typeof(OpinionCollectionCompleted));
        using var client = api.CreateClient();
        var gaobian = await api.CreateOrganisationAsync(Hefeng, "高边党群小组", "PartyMassGroup");
        var households = await api.RegisterHouseholdsAsync(gaobian, "高边经济社", 48);
        var visitor = (await api.RegisterMembersAsync((Hefeng, "何志强")))[0];
        var opened = await client.PostAsJsonAsync("/opinion-collections", new
        {
            subject = "高边经济社修路征地", organisationId = gaobian, economicCooperative = "高边经济社", affectedHouseholds = 48,
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        for (var i = 0; i < 48; i++)
        {
            var position = i < 44 ? "Agree" : i < 46 ? "Disagree" : "Abstain";
            (await client.PostAsJsonAsync($"/opinion-collections/{id}/positions", new
            {
                householdId = households[i], position, signatureReference = $"签字-{i + 1:000}", visitedBy = visitor, visitedOn = "2026-11-20",
                signedName = $"户主{i + 1:00}", signatureConfirmed = true,
            })).EnsureSuccessStatusCode();
        }

        var completed = await client.PostAsync($"/opinion-collections/{id}/completion", null);
        var again = await client.PostAsync($"/opinion-collections/{id}/completion", null);

        var result = (await completed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("result");
        Assert.True(result.GetProperty("passed").GetBoolean());
        Assert.Equal(91.7m, result.GetProperty("agreeShare").GetDecimal());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(48u, await Eventually.MatchAsync(() => api.Infrastructure.CountMessagesAsync(visits), n => n >= 48, because: "one HouseholdVisited per visit"));
        Assert.Equal(1u, await Eventually.MatchAsync(() => api.Infrastructure.CountMessagesAsync(results), n => n >= 1, because: "one OpinionCollectionCompleted"));
    }
}
