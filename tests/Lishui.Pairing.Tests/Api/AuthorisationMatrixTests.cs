using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Pairing.Features;
using Lishui.Pairing.Security;
using Lishui.Shared.Domain;
using Lishui.Shared.Security;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Lishui.Pairing.Tests.Api;

/// <summary>
/// The town with two villages (Hefeng with a branch below it, Zhoucun) and two organ branches, each
/// village paired with one organ branch, a member pair, a stationing visit and a resident request in
/// each village: what the access matrix and its named cases need.
/// </summary>
public sealed record SecurityWorld(
    Guid Town, Guid Hefeng, Guid HefengBranch, Guid Zhoucun, Guid OfficeA, Guid OfficeB,
    Guid HefengPairing, Guid ZhoucunPairing, Guid OwnPair, Guid OtherPair, Guid OwnMember, Guid OtherMember,
    Guid HefengSchedule, Guid ZhoucunSchedule, Guid HefengVisit, Guid ZhoucunVisit, Guid HefengRequest, Guid ZhoucunRequest,
    Guid HefengPosition, Guid ZhoucunPosition, Guid HefengDiscussion, Guid ZhoucunDiscussion)
{
    public static async Task<SecurityWorld> CreateAsync(PairingApiFactory api)
    {
        var town = await api.OrganisationAsync("里水镇党委", "PartyCommittee");
        var hefeng = await api.OrganisationAsync("鹤峰村党委", "PartyCommittee", town);
        var hefengBranch = await api.OrganisationAsync("鹤峰村第一党支部", "Branch", hefeng);
        var zhoucun = await api.OrganisationAsync("周村党委", "PartyCommittee", town);
        var officeA = await api.OrganisationAsync("党建工作办党支部", "Branch", town);
        var officeB = await api.OrganisationAsync("经济发展办党支部", "Branch", town);
        await api.MembersAsync(officeA, 2, "机关甲党员");
        await api.MembersAsync(officeB, 2, "机关乙党员");
        await api.MembersAsync(hefengBranch, 3, "鹤峰党员");
        await api.MembersAsync(zhoucun, 3, "周村党员");
        var leader = (await api.MembersAsync(town, 1, "驻点领导"))[0];

        using var admin = api.CreateClient();
        var hefengPairing = await PairAsync(admin, officeA, hefeng);
        var zhoucunPairing = await PairAsync(admin, officeB, zhoucun);
        var ownPair = await FirstPairAsync(api, admin, hefengPairing);
        var otherPair = await FirstPairAsync(api, admin, zhoucunPairing);
        var (hefengSchedule, hefengVisit, hefengRequest) = await StationAsync(admin, leader, hefeng, "鹤峰村党群服务中心", 0);
        var (zhoucunSchedule, zhoucunVisit, zhoucunRequest) = await StationAsync(admin, leader, zhoucun, "周村党群服务中心", 7);
        var hefengPosition = await PositionAsync(admin, hefengBranch, "鹤峰村文化驿站");
        var zhoucunPosition = await PositionAsync(admin, zhoucun, "周村党群服务中心");

        // Party–mass groups join after the lists were made, so the pairs above stay as they were.
        var hefengDiscussion = await DiscussionAsync(api, admin, await api.OrganisationAsync("高边党群小组", "PartyMassGroup", hefengBranch));
        var zhoucunDiscussion = await DiscussionAsync(api, admin, await api.OrganisationAsync("东方党群小组", "PartyMassGroup", zhoucun));
        return new SecurityWorld(town, hefeng, hefengBranch, zhoucun, officeA, officeB, hefengPairing, zhoucunPairing,
            ownPair.Id, otherPair.Id, ownPair.VillageMemberId, otherPair.VillageMemberId,
            hefengSchedule, zhoucunSchedule, hefengVisit, zhoucunVisit, hefengRequest, zhoucunRequest, hefengPosition, zhoucunPosition,
            hefengDiscussion, zhoucunDiscussion);
    }

    public MatrixWorld Matrix() => new MatrixWorld { OwnOrganisation = Hefeng, OwnMember = OwnMember }
        .Kind(PairingScopes.Organisation, Hefeng, Zhoucun)
        .Kind(PairingScopes.MemberOrganisation, Hefeng, Zhoucun, ofOwnMember: true)
        .Kind(PairingScopes.Member, OwnMember, OtherMember, ofOwnMember: true)
        .Kind(PairingScopes.Pairing, HefengPairing, ZhoucunPairing)
        .Kind(PairingScopes.MemberPair, OwnPair, OtherPair, ofOwnMember: true)
        .Kind(PairingScopes.StationingSchedule, HefengSchedule, ZhoucunSchedule)
        .Kind(PairingScopes.StationingVisit, HefengVisit, ZhoucunVisit)
        .Kind(PairingScopes.ResidentRequest, HefengRequest, ZhoucunRequest)
        .Kind(PairingScopes.ServicePosition, HefengPosition, ZhoucunPosition)
        .Kind(PairingScopes.PartyMassDiscussion, HefengDiscussion, ZhoucunDiscussion)
        .Sample("weekOf", "2026-03-03");

    private static async Task<Guid> PairAsync(HttpClient admin, Guid organ, Guid village)
    {
        var response = await admin.PostAsJsonAsync("/organisation-pairings",
            new { organBranchId = organ, villageCommitteeId = village, startsOn = "2026-01-01", purpose = "党员结对" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Lishui.Pairing.Domain.MemberPair> FirstPairAsync(PairingApiFactory api, HttpClient admin, Guid pairing)
    {
        (await admin.PostAsync($"/organisation-pairings/{pairing}/pairing-list", null)).EnsureSuccessStatusCode();
        return await api.WithDbAsync(db => db.MemberPairs.AsNoTracking().Where(p => p.PairingId == pairing).OrderBy(p => p.Id).FirstAsync());
    }

    private static async Task<Guid> DiscussionAsync(PairingApiFactory api, HttpClient admin, Guid group)
    {
        var member = (await api.MembersAsync(group, 1, "小组党员"))[0];
        var response = await admin.PostAsJsonAsync($"/party-mass-groups/{group}/discussions", new
        {
            heldOn = TimeProvider.System.Today().ToString("yyyy-MM-dd"),
            topic = "讨论本月村务",
            place = "榕树头",
            minutes = "通报本月村务，收集意见。",
            attendance = new[] { new { memberId = member, status = "Present" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> PositionAsync(HttpClient admin, Guid organisation, string name)
    {
        var response = await admin.PostAsJsonAsync("/service-positions",
            new { organisationId = organisation, name, kind = "ServiceStation", address = $"{name}（测试地址）" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<(Guid Schedule, Guid Visit, Guid Request)> StationAsync(HttpClient admin, Guid leader, Guid village, string place, int weeksBack)
    {
        var today = TimeProvider.System.Today();
        var lastTuesday = today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7) - (7 * weeksBack));
        var schedule = await admin.PostAsJsonAsync("/stationing-schedules", new
        {
            leaderMemberId = leader,
            villageCommitteeId = village,
            startsOn = lastTuesday.ToString("yyyy-MM-dd"),
            endsOn = lastTuesday.ToString("yyyy-MM-dd"),
            startTime = "14:30",
            place,
            createdBy = "镇党委办公室",
        });
        Assert.Equal(HttpStatusCode.Created, schedule.StatusCode);
        var scheduleId = (await schedule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var visit = await admin.PostAsJsonAsync($"/stationing-schedules/{scheduleId}/visits",
            new { on = lastTuesday.ToString("yyyy-MM-dd"), recordedBy = "镇党委办公室" });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        var visitId = (await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var request = await admin.PostAsJsonAsync($"/stationing-visits/{visitId}/resident-requests", StationingScenario.PickUpShelter());
        Assert.Equal(HttpStatusCode.Created, request.StatusCode);
        return (scheduleId, visitId, (await request.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
    }
}

/// <summary>Access in Pairing: every endpoint × role × own/other organisation, and the named cases.</summary>
public sealed class AuthorisationMatrixTests(PairingApiFactory api, ITestOutputHelper output) : IClassFixture<PairingApiFactory>
{
    [Fact]
    public async Task Every_endpoint_lets_through_exactly_the_roles_and_scopes_its_documented_rule_names()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var client = api.ClientWith(null);

        await AuthorisationMatrix.AssertAsync(api.Services, client, world.Matrix(), output);

        // The public Tuesday is in the matrix, documented as open to anyone.
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var access = document.RootElement.GetProperty("paths").GetProperty("/public/this-tuesday").GetProperty("get").GetProperty(AccessDocumentation.Extension);
        Assert.Equal(["Public"], access.GetProperty("grants").EnumerateArray().Select(g => g.GetString()));
    }

    [Fact]
    public async Task Hefengs_secretary_cannot_read_or_change_another_villages_pairings()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var secretary = api.ClientWith(TestTokens.Secretary(world.Hefeng, "hefeng-secretary"));

        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/organisation-pairings/{world.HefengPairing}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/organisation-pairings?organisationId={world.Hefeng}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/organisation-pairings/{world.ZhoucunPairing}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/organisation-pairings/{world.ZhoucunPairing}/pairing-list")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/organisation-pairings?organisationId={world.Zhoucun}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/organisation-pairings")).StatusCode); // must name an organisation of theirs
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsync($"/organisation-pairings/{world.ZhoucunPairing}/pairing-list", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PutAsJsonAsync($"/organisation-pairings/{world.ZhoucunPairing}/pins", new { pins = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/resident-requests/{world.ZhoucunRequest}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/organisations/{world.Zhoucun}/this-tuesday")).StatusCode);

        // Their own pairing they run; the town's arrangements (pairing, ending) stay the town's.
        Assert.Equal(HttpStatusCode.OK, (await secretary.PutAsJsonAsync($"/organisation-pairings/{world.HefengPairing}/pins", new { pins = Array.Empty<object>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync($"/organisation-pairings/{world.HefengPairing}/end", new { endedOn = "2026-12-31" })).StatusCode);
    }

    [Fact]
    public async Task A_pairing_is_run_by_the_secretaries_of_either_side_and_no_one_else()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var organSide = api.ClientWith(TestTokens.Secretary(world.OfficeA, "office-a-secretary"));
        using var villageBranch = api.ClientWith(TestTokens.Secretary(world.HefengBranch, "hefeng-branch-secretary"));
        using var town = api.ClientWith(TestTokens.Secretary(world.Town, "town-secretary"));

        Assert.Equal(HttpStatusCode.OK, (await organSide.GetAsync($"/organisation-pairings/{world.HefengPairing}/study-calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await organSide.GetAsync($"/organisation-pairings/{world.ZhoucunPairing}/study-calendar")).StatusCode);
        // A branch below the village is not the village: the pairing is not in its subtree.
        Assert.Equal(HttpStatusCode.Forbidden, (await villageBranch.GetAsync($"/organisation-pairings/{world.HefengPairing}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await town.GetAsync($"/organisation-pairings/{world.ZhoucunPairing}")).StatusCode);
    }

    [Fact]
    public async Task A_member_reads_their_own_partners_and_logs_their_own_contacts_only()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var member = api.ClientWith(TestTokens.Member(world.OwnMember, "hefeng-member"));
        var contact = new { contactedOn = "2026-03-03", channel = "Visit", summary = "上门走访，了解家中近况。" };

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/members/{world.OwnMember}/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/members/{world.OtherMember}/partners")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await member.PostAsJsonAsync($"/member-pairs/{world.OwnPair}/contacts", contact)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/member-pairs/{world.OtherPair}/contacts", contact)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/organisations/{world.Hefeng}/this-tuesday")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/organisations/{world.Zhoucun}/this-tuesday")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/organisation-pairings/{world.HefengPairing}")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_reach_only_the_public_Tuesday_and_a_resident_contact_is_only_for_its_village_the_town_and_notification()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var anonymous = api.ClientWith(null);
        using var zhoucun = api.ClientWith(TestTokens.Secretary(world.Zhoucun, "zhoucun-secretary"));
        using var hefeng = api.ClientWith(TestTokens.Secretary(world.Hefeng, "hefeng-secretary"));
        using var otherService = api.ClientWith(TestTokens.Service("some-service", "lishui.other"));
        var contact = $"/resident-requests/{world.HefengRequest}/contact?purpose=回访诉求人";

        var refused = await anonymous.GetAsync($"/organisation-pairings/{world.HefengPairing}");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(contact)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/organisations/{world.Hefeng}/this-tuesday")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/public/this-tuesday")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await zhoucun.GetAsync(contact)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherService.GetAsync(contact)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await hefeng.GetAsync(contact)).StatusCode);

        var reads = await api.WithDbAsync(db => db.ResidentContactReads.AsNoTracking().Where(r => r.RequestId == world.HefengRequest).Select(r => r.RequestedBy).ToListAsync());
        Assert.Equal(["hefeng-secretary"], reads); // refused reads hand out nothing and log nothing
    }

    [Fact]
    public async Task A_change_is_on_the_audit_trail_with_its_caller_and_events_and_auditors_read_but_cannot_change()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var secretary = api.ClientWith(TestTokens.Secretary(world.Hefeng, "hefeng-secretary-audit"));
        using var auditor = api.ClientWith(TestTokens.Auditor("auditor-zhou"));

        using var generate = new HttpRequestMessage(HttpMethod.Post, $"/organisation-pairings/{world.HefengPairing}/pairing-list");
        generate.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await secretary.SendAsync(generate)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync($"/organisation-pairings/{world.HefengPairing}/pairing-list", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/audit-trail")).StatusCode);

        var trail = await auditor.GetFromJsonAsync<JsonElement>("/audit-trail?actor=hefeng-secretary-audit");
        var entry = Assert.Single(trail.GetProperty("items").EnumerateArray());
        Assert.Equal("/organisation-pairings/{id:guid}/pairing-list", entry.GetProperty("route").GetString());
        Assert.Equal(world.Hefeng, entry.GetProperty("actorOrganisationId").GetGuid());
        Assert.Contains("OrganisationSecretary", entry.GetProperty("actorRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.NotEmpty(entry.GetProperty("eventIds").EnumerateArray());
    }
}
