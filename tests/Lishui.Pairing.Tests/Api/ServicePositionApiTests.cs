using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

/// <summary>党群服务阵地: places kept by the town and secretaries, shown publicly, named by study sessions and stationing visits.</summary>
public sealed class ServicePositionApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private static DateOnly LastTuesday()
    {
        var today = TimeProvider.System.Today();
        return today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7));
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, Guid organisation, string name, string kind, string address, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/service-positions")
        {
            Content = JsonContent.Create(new { organisationId = organisation, name, kind, address, description = "村民议事、志愿服务" }),
        };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_town_registers_places_once_per_key_and_anyone_finds_them_by_village_and_kind()
    {
        var town = await api.OrganisationAsync("里水镇党委", "PartyCommittee");
        var hefeng = await api.OrganisationAsync("鹤峰村党委", "PartyCommittee", town);
        var group = await api.OrganisationAsync("高边党群小组", "PartyMassGroup", hefeng);
        using var admin = api.CreateClient();
        var key = Guid.NewGuid().ToString();

        var school = await CreateAsync(admin, town, "里水镇党校", "PartySchool", "里水镇镇政府旁");
        var station = await CreateAsync(admin, hefeng, "鹤峰村文化驿站", "ServiceStation", "鹤峰村文化广场", key);
        var again = await CreateAsync(admin, hefeng, "鹤峰村文化驿站", "ServiceStation", "鹤峰村文化广场", key);
        var banyan = await CreateAsync(admin, group, "榕树头", "ServiceStation", "高边经济社村口大榕树下");

        Assert.Equal(station.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(1, await api.WithDbAsync(db => db.ServicePositions.CountAsync(p => p.OrganisationId == hefeng)));
        Assert.Equal("党群服务站", station.GetProperty("kindName").GetString());
        Assert.Equal("鹤峰村党委", station.GetProperty("organisationName").GetString());

        using var anonymous = api.ClientWith(null);
        var village = await anonymous.GetFromJsonAsync<JsonElement>($"/public/service-positions?organisationId={hefeng}");
        var stations = await anonymous.GetFromJsonAsync<JsonElement>($"/public/service-positions?organisationId={town}&kind=ServiceStation");
        var schools = await admin.GetFromJsonAsync<JsonElement>($"/service-positions?organisationId={town}&kind=PartySchool");

        Assert.Equal(["榕树头", "鹤峰村文化驿站"], village.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).Order());
        Assert.Equal(2, stations.GetProperty("total").GetInt32());
        Assert.Equal(school.GetProperty("id").GetGuid(), Assert.Single(schools.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal("高边党群小组", village.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "榕树头").GetProperty("organisationName").GetString());
        Assert.Equal(banyan.GetProperty("id").GetGuid(), village.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "榕树头").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_bad_place_is_refused_field_by_field_and_nothing_is_written()
    {
        var hefeng = await api.OrganisationAsync("鹤峰村党委", "PartyCommittee");
        using var admin = api.CreateClient();

        var invalid = await admin.PostAsJsonAsync("/service-positions", new { organisationId = hefeng, name = " ", kind = "ServiceStation", address = "" });
        var unknownKind = await admin.PostAsJsonAsync("/service-positions", new { organisationId = hefeng, kind = "Teahouse", address = "村口" });
        var unknown = await admin.PostAsJsonAsync("/service-positions", new { organisationId = Guid.NewGuid(), name = "党群沟通室", kind = "ServiceStation", address = "村委会二楼" });
        await CreateAsync(admin, hefeng, "党群沟通室", "ServiceStation", "鹤峰村委会二楼");
        var duplicate = await admin.PostAsJsonAsync("/service-positions", new { organisationId = hefeng, name = "党群沟通室", kind = "ServiceCentre", address = "别处" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("address", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);
        var kindErrors = (await unknownKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(kindErrors.TryGetProperty("kind", out _));
        Assert.True(kindErrors.TryGetProperty("name", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal("service-position.organisation-unknown", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        var taken = await duplicate.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("service-position.name-taken", taken.GetProperty("code").GetString());
        Assert.Contains("已有名为", taken.GetProperty("errors").GetProperty("name")[0].GetString());
        Assert.Equal(1, await api.WithDbAsync(db => db.ServicePositions.CountAsync(p => p.OrganisationId == hefeng)));
    }

    [Fact]
    public async Task A_secretary_keeps_the_places_of_their_village_only_and_a_removed_place_leaves_the_lists()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var secretary = api.ClientWith(TestTokens.Secretary(world.Hefeng, "hefeng-secretary"));
        using var anonymous = api.ClientWith(null);

        var own = await secretary.PostAsJsonAsync("/service-positions", new { organisationId = world.Hefeng, name = "榕树头", kind = "ServiceStation", address = "村口大榕树下" });
        var other = await secretary.PostAsJsonAsync("/service-positions", new { organisationId = world.Zhoucun, name = "榕树头", kind = "ServiceStation", address = "村口" });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/service-positions?organisationId={world.Zhoucun}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.DeleteAsync($"/service-positions/{world.ZhoucunPosition}")).StatusCode);

        var id = (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var changed = await secretary.PutAsJsonAsync($"/service-positions/{id}", new { name = "榕树头议事点", kind = "ServiceStation", address = "鹤峰村村口大榕树下" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("榕树头议事点", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await secretary.DeleteAsync($"/service-positions/{id}")).StatusCode);
        var listed = await anonymous.GetFromJsonAsync<JsonElement>($"/public/service-positions?organisationId={world.Hefeng}");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        Assert.True((await secretary.GetFromJsonAsync<JsonElement>($"/service-positions/{id}")).GetProperty("removed").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity,
            (await secretary.PutAsJsonAsync($"/service-positions/{id}", new { name = "榕树头", kind = "ServiceStation", address = "村口" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.CreateClient().DeleteAsync($"/service-positions/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_study_session_names_its_place_and_an_unknown_place_is_refused_with_nothing_written()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        using var client = api.CreateClient();
        var room = (await CreateAsync(client, scenario.Hefeng, "党群沟通室", "ServiceStation", "鹤峰村委会二楼")).GetProperty("id").GetGuid();
        var attendance = new[] { new { memberId = scenario.OrganMembers[0], status = "Present" }, new { memberId = scenario.VillageMembers[0], status = "Present" } };

        var unknown = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions",
            new { heldOn = LastTuesday().ToString("yyyy-MM-dd"), topic = "第一议题", attendance, servicePositionId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("党群服务阵地不存在", problem.GetProperty("errors").GetProperty("servicePositionId")[0].GetString());
        Assert.False(await api.WithDbAsync(db => db.StudySessions.AnyAsync(s => s.PairingId == scenario.PairingId)));
        Assert.DoesNotContain(await api.OutboxAsync<StudySessionHeld>(), e => e.PairingId == scenario.PairingId);

        var held = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions",
            new { heldOn = LastTuesday().ToString("yyyy-MM-dd"), topic = "第一议题", attendance, servicePositionId = room });
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        Assert.Equal(room, (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("servicePositionId").GetGuid());
        var listed = await client.GetFromJsonAsync<JsonElement>($"/organisation-pairings/{scenario.PairingId}/study-sessions");
        Assert.Equal(room, listed.GetProperty("items")[0].GetProperty("servicePositionId").GetGuid());
    }

    [Fact]
    public async Task A_stationing_visit_takes_its_schedules_place_or_the_one_it_was_held_at()
    {
        var town = await api.OrganisationAsync("里水镇党委", "PartyCommittee");
        var hefeng = await api.OrganisationAsync("鹤峰村党委", "PartyCommittee", town);
        var leader = (await api.MembersAsync(town, 1, "驻点领导"))[0];
        using var admin = api.CreateClient();
        var centre = (await CreateAsync(admin, hefeng, "鹤峰村党群服务中心", "ServiceCentre", "鹤峰村委会一楼")).GetProperty("id").GetGuid();
        var banyan = (await CreateAsync(admin, hefeng, "榕树头", "ServiceStation", "村口大榕树下")).GetProperty("id").GetGuid();
        var tuesday = LastTuesday();
        var body = new
        {
            leaderMemberId = leader, villageCommitteeId = hefeng, startsOn = tuesday.AddDays(-7).ToString("yyyy-MM-dd"), startTime = "14:30",
            place = "鹤峰村党群服务中心", createdBy = "镇党委办公室", servicePositionId = (Guid?)Guid.NewGuid(),
        };

        var refused = await admin.PostAsJsonAsync("/stationing-schedules", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("servicePositionId", out _));
        Assert.False(await api.WithDbAsync(db => db.StationingSchedules.AnyAsync(s => s.VillageCommitteeId == hefeng)));

        var created = await admin.PostAsJsonAsync("/stationing-schedules", body with { servicePositionId = centre });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var schedule = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var visits = await admin.GetFromJsonAsync<JsonElement>($"/stationing-schedules/{schedule}/visits?from={tuesday.AddDays(-7):yyyy-MM-dd}&to={tuesday:yyyy-MM-dd}");
        Assert.All(visits.GetProperty("items").EnumerateArray(), v => Assert.Equal(centre, v.GetProperty("servicePositionId").GetGuid()));

        var underTheBanyan = await admin.PostAsJsonAsync($"/stationing-schedules/{schedule}/visits",
            new { on = tuesday.ToString("yyyy-MM-dd"), recordedBy = "镇党委办公室", servicePositionId = banyan });
        var unknownPlace = await admin.PostAsJsonAsync($"/stationing-schedules/{schedule}/visits",
            new { on = tuesday.AddDays(-7).ToString("yyyy-MM-dd"), recordedBy = "镇党委办公室", servicePositionId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Created, underTheBanyan.StatusCode);
        var visit = await underTheBanyan.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(banyan, visit.GetProperty("servicePositionId").GetGuid());
        Assert.Equal("榕树头", visit.GetProperty("place").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknownPlace.StatusCode);
        Assert.False(await api.WithDbAsync(db => db.StationingVisits.AnyAsync(v => v.ScheduleId == schedule && v.HeldOn != null && v.On == tuesday.AddDays(-7))));
    }
}
