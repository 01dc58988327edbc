using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Testing;
using Xunit.Abstractions;

namespace Lishui.PracticalProjects.Tests;

/// <summary>
/// Access in PracticalProjects: residents reach the public pages without a token; a secretary reads and
/// changes only what lies in their organisation's subtree; Notification reads a requester's phone with its
/// service scope, and every read is logged under the token's caller.
/// </summary>
public sealed class SecurityTests(ProjectsApiFactory api, ITestOutputHelper output) : IClassFixture<ProjectsApiFactory>
{
    /// <summary>里水镇 → 鹤峰村 → 高边党群小组, and 岑岗村 beside 鹤峰村; one of each resource in 高边 and in 岑岗.</summary>
    private sealed record World(
        Guid Town, Guid Hefeng, Guid Gaobian, Guid Cengang, Guid HefengMember,
        Resources Own, Resources Other);

    private sealed record Resources(Guid Project, Guid Request, string ReferenceNumber, Guid Collection, Guid Post, Guid Road);

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_its_documented_rule_says()
    {
        var world = await BuildWorldAsync();
        using var client = api.ClientWith(null);
        var matrix = new MatrixWorld { OwnOrganisation = world.Hefeng, OwnMember = world.HefengMember }
            .Kind("organisation", world.Gaobian, world.Cengang)
            .Kind("project", world.Own.Project, world.Other.Project)
            .Kind("resident-request", world.Own.Request, world.Other.Request)
            .Kind("opinion-collection", world.Own.Collection, world.Other.Collection)
            .Kind("opinion-collection-visit", world.Own.Collection, world.Other.Collection, ofOwnMember: true)
            .Kind("echo-post", world.Own.Post, world.Other.Post)
            .Sample("referenceNumber", world.Own.ReferenceNumber)
            .Sample("purpose", "告知答复结果")
            .Sample("year", 2026);

        await AuthorisationMatrix.AssertAsync(api.Services, client, matrix, output);
    }

    [Fact]
    public async Task Hefengs_secretary_cannot_change_another_villages_project_but_moves_one_of_their_own_recorded_by_name()
    {
        var world = await BuildWorldAsync();
        using var secretary = api.ClientWith(TestTokens.Secretary(world.Hefeng, "hefeng-secretary"));
        var step = new { status = "Approved", effectiveOn = "2026-11-20", decidedBy = "岑岗村党委" };

        var other = await secretary.PostAsJsonAsync($"/projects/{world.Other.Project}/status-changes", step);
        var otherProgress = await secretary.PostAsJsonAsync($"/projects/{world.Other.Project}/progress", new { progress = 10 });
        var otherGrant = await secretary.PostAsJsonAsync($"/projects/{world.Other.Project}/grants", new { amount = 1000, grantedBy = "鹤峰村" });
        var otherRead = await secretary.GetAsync($"/projects/{world.Other.Project}");
        var own = await secretary.PostAsJsonAsync($"/projects/{world.Own.Project}/status-changes", step);

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK],
            new[] { other.StatusCode, otherProgress.StatusCode, otherGrant.StatusCode, otherRead.StatusCode, own.StatusCode });
        Assert.Equal("access.denied", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        using var admin = api.CreateClient();
        var untouched = await admin.GetFromJsonAsync<JsonElement>($"/projects/{world.Other.Project}");
        Assert.Equal(("Proposed", 0, 0), (untouched.GetProperty("status").GetString(), untouched.GetProperty("progress").GetInt32(), untouched.GetProperty("grants").GetArrayLength()));

        // The decision is recorded under the token's caller, not the name the body claims.
        var moved = await own.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("hefeng-secretary", moved.GetProperty("timeline")[0].GetProperty("decidedBy").GetString());
        var audit = await admin.GetFromJsonAsync<JsonElement>("/audit-trail?actor=hefeng-secretary");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal($"/projects/{world.Own.Project}/status-changes", entry.GetProperty("path").GetString());
        Assert.Equal(world.Hefeng, entry.GetProperty("actorOrganisationId").GetGuid());
        Assert.Contains("project-status-changed", Assert.Single(entry.GetProperty("eventTypes").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hefengs_secretary_cannot_reach_another_village_through_a_body_field()
    {
        var world = await BuildWorldAsync();
        using var secretary = api.ClientWith(TestTokens.Secretary(world.Hefeng));

        var intoTheirProject = await secretary.PostAsJsonAsync($"/resident-requests/{world.Own.Request}/project", new { projectId = world.Other.Project });
        var intoTheirRequest = await secretary.PostAsJsonAsync($"/resident-requests/{world.Own.Request}/merge", new { intoRequestId = world.Other.Request });
        var postToTheirVillage = await secretary.PostAsJsonAsync($"/echo-wall/posts/{world.Own.Post}/resident-request", new { organisationId = world.Cengang });
        var ownProject = await secretary.PostAsJsonAsync($"/resident-requests/{world.Own.Request}/project", new { projectId = world.Own.Project });

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK],
            new[] { intoTheirProject.StatusCode, intoTheirRequest.StatusCode, postToTheirVillage.StatusCode, ownProject.StatusCode });
        using var admin = api.CreateClient();
        var theirs = await admin.GetFromJsonAsync<JsonElement>($"/projects/{world.Other.Project}");
        Assert.Equal(0, theirs.GetProperty("originRequestIds").GetArrayLength());
        var post = await admin.GetFromJsonAsync<JsonElement>($"/echo-wall/posts/{world.Own.Post}");
        Assert.Equal(JsonValueKind.Null, post.GetProperty("linkedRequestId").ValueKind);
    }

    [Fact]
    public async Task A_secretary_lists_only_by_naming_an_organisation_of_their_subtree_and_sees_its_descendants()
    {
        var world = await BuildWorldAsync();
        using var secretary = api.ClientWith(TestTokens.Secretary(world.Hefeng));

        var unnamed = await secretary.GetAsync("/projects");
        var otherVillage = await secretary.GetAsync($"/resident-requests?organisationId={world.Cengang}");
        var projects = await secretary.GetFromJsonAsync<JsonElement>($"/projects?organisationId={world.Hefeng}&pageSize=200");
        var requests = await secretary.GetFromJsonAsync<JsonElement>($"/resident-requests?organisationId={world.Hefeng}&pageSize=200");

        Assert.Equal(HttpStatusCode.Forbidden, unnamed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherVillage.StatusCode);
        Assert.Equal(new[] { world.Own.Project, world.Own.Road }.Order(), projects.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).Order());
        Assert.Equal([world.Own.Request], requests.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Anonymous_callers_reach_the_public_pages_the_status_page_and_the_echo_wall_and_nothing_else()
    {
        var world = await BuildWorldAsync();
        using var anonymous = api.ClientWith(null);

        var publicCalls = new[]
        {
            (await anonymous.GetAsync($"/public/projects/{world.Own.Project}")).StatusCode,
            (await anonymous.GetAsync("/public/projects")).StatusCode,
            (await anonymous.GetAsync($"/public/requests/{world.Own.ReferenceNumber}")).StatusCode,
            (await anonymous.GetAsync("/public/echo-wall")).StatusCode,
            (await anonymous.PostAsJsonAsync("/echo-wall/posts", new { text = "村口路灯坏了", organisationId = world.Hefeng })).StatusCode,
        };
        var closedCalls = new[]
        {
            (await anonymous.GetAsync($"/projects/{world.Own.Project}")).StatusCode,
            (await anonymous.PostAsJsonAsync("/projects", new { })).StatusCode,
            (await anonymous.GetAsync($"/resident-requests/{world.Own.Request}/contact?purpose=x")).StatusCode,
            (await anonymous.PostAsJsonAsync($"/echo-wall/posts/{world.Own.Post}/hide", new { reason = "广告" })).StatusCode,
            (await anonymous.GetAsync("/echo-wall/posts")).StatusCode,
            (await anonymous.GetAsync("/audit-trail")).StatusCode,
        };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created], publicCalls);
        Assert.All(closedCalls, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
    }

    [Fact]
    public async Task Notification_reads_a_requesters_phone_with_its_service_scope_and_every_clear_read_is_logged_under_the_token()
    {
        var world = await BuildWorldAsync();
        using var admin = api.CreateClient();
        var recorded = await admin.PostAsJsonAsync("/resident-requests", new
        {
            organisationId = world.Gaobian, subject = "巷口积水", contactName = "梁伯", contactPhone = "13800138011",
        });
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var notification = api.ClientWith(TestTokens.Service("notification", PlatformScopes.ContactsRead));
        using var auditor = api.ClientWith(TestTokens.Auditor("auditor-wu"));
        using var secretary = api.ClientWith(TestTokens.Secretary(world.Hefeng));
        using var member = api.ClientWith(TestTokens.Member(world.HefengMember));
        using var otherService = api.ClientWith(TestTokens.Service("assessment", "lishui.other"));

        var byNotification = await notification.GetAsync($"/resident-requests/{id}/contact?purpose=告知答复结果");
        var byAuditor = await auditor.GetAsync($"/resident-requests/{id}/contact?purpose=抽查");
        var refused = new[]
        {
            (await secretary.GetAsync($"/resident-requests/{id}/contact?purpose=x")).StatusCode,
            (await member.GetAsync($"/resident-requests/{id}/contact?purpose=x")).StatusCode,
            (await otherService.GetAsync($"/resident-requests/{id}/contact?purpose=x")).StatusCode,
        };

        Assert.Equal(HttpStatusCode.OK, byNotification.StatusCode);
        Assert.Equal("13800138011", (await byNotification.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.OK, byAuditor.StatusCode);
        Assert.All(refused, s => Assert.Equal(HttpStatusCode.Forbidden, s));
        var log = await secretary.GetFromJsonAsync<JsonElement>($"/resident-requests/{id}/contact-access-log");
        Assert.Equal(
            [("notification", "告知答复结果"), ("auditor-wu", "抽查")],
            log.GetProperty("items").EnumerateArray().Select(e => (e.GetProperty("requestedBy").GetString(), e.GetProperty("purpose").GetString())));
    }

    [Fact]
    public async Task An_organisation_published_by_Membership_reaches_the_local_tree_and_gives_its_secretary_their_subtree()
    {
        var village = Guid.CreateVersion7();
        var group = Guid.CreateVersion7();
        await api.PublishAsync(new OrganisationCreated { ParentId = null, Name = "大冲村党委", Kind = OrganisationKind.PartyCommittee, EconomicCooperative = null }.About(village, village, 1, DateTimeOffset.UtcNow));
        await api.PublishAsync(new OrganisationCreated { ParentId = village, Name = "大冲党群小组", Kind = OrganisationKind.PartyMassGroup, EconomicCooperative = "大冲经济社" }.About(group, group, 1, DateTimeOffset.UtcNow));
        await Eventually.MatchAsync(
            () => api.WithDbAsync(db => db.AncestorsAndSelfAsync(group, CancellationToken.None)), chain => chain.Count == 2, because: "both OrganisationCreated consumed");

        using var admin = api.CreateClient();
        var project = await ProposeAsync(admin, group, "大冲村文化广场");
        using var secretary = api.ClientWith(TestTokens.Secretary(village));
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/projects/{project}")).StatusCode);
    }

    private async Task<World> BuildWorldAsync()
    {
        var town = await api.CreateOrganisationAsync(null, "里水镇党委");
        var hefeng = await api.CreateOrganisationAsync(town, "鹤峰村党委");
        var gaobian = await api.CreateOrganisationAsync(hefeng, "高边党群小组", "PartyMassGroup");
        var cengang = await api.CreateOrganisationAsync(town, "岑岗村党委");
        var members = await api.RegisterMembersAsync((hefeng, "何志强"), (cengang, "岑丽"));
        await api.RegisterHouseholdsAsync(gaobian, "高边经济社", 3);
        await api.RegisterHouseholdsAsync(cengang, "岑岗经济社", 3);
        using var admin = api.CreateClient();
        return new World(town, hefeng, gaobian, cengang, members[0],
            await ResourcesAsync(admin, gaobian, "高边"), await ResourcesAsync(admin, cengang, "岑岗"));
    }

    private static async Task<Resources> ResourcesAsync(HttpClient admin, Guid organisation, string place)
    {
        var project = await ProposeAsync(admin, organisation, $"{place}村道路灯");
        var request = await CreatedAsync(admin, "/resident-requests", new { organisationId = organisation, subject = $"{place}巷口路灯不亮" });
        // The road waits for its consultation; the lights (moved in the tests) need none.
        var road = await ProposeAsync(admin, organisation, $"{place}村道硬底化");
        var collection = await CreatedAsync(admin, "/opinion-collections", new
        {
            subject = $"{place}修路征地", organisationId = organisation, economicCooperative = $"{place}经济社", projectId = road.ToString(), affectedHouseholds = 48,
        });
        var post = await CreatedAsync(admin, "/echo-wall/posts", new { text = $"{place}的垃圾站能不能挪一挪？", organisationId = organisation });
        return new Resources(project, request.GetProperty("id").GetGuid(), request.GetProperty("referenceNumber").GetString()!,
            collection.GetProperty("id").GetGuid(), post.GetProperty("id").GetGuid(), road);
    }

    private static async Task<Guid> ProposeAsync(HttpClient admin, Guid organisation, string title) =>
        (await CreatedAsync(admin, "/projects", new
        {
            title, level = "Village", batch = "2026年第一批", domain = "PublicSecurity", responsibleOrganisationId = organisation, responsibleCadre = "何书记",
            location = title, plannedStart = "2026-12-01", plannedEnd = "2027-03-31", budget = 50000, fundingSource = "党群共建专项资金",
        })).GetProperty("id").GetGuid();

    private static async Task<JsonElement> CreatedAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
