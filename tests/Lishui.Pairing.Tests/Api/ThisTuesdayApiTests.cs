using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Features;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Tests.Api;

public sealed class ThisTuesdayApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public async Task This_Tuesday_shows_each_groups_session_who_is_expected_and_who_is_stationed_where()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 2, village: 3);
        await scenario.GenerateListAsync(api);
        var tuesday = TownCalendar.TuesdayOf(TimeProvider.System.Today()).AddDays(7);
        using var client = api.CreateClient();
        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-schedule", new { time = "09:00", place = "鹤峰村委会党群沟通室" })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(tuesday)}/topic", new { topic = "第一议题：学习最新指示精神" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(tuesday.AddDays(7))}/move",
            new { date = Iso(tuesday.AddDays(8)), time = "19:30", reason = "星期二全镇防汛值班", changedBy = "党建办 李书记" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/stationing-schedules", new
        {
            leaderMemberId = scenario.OrganMembers[1],
            villageCommitteeId = scenario.Hefeng,
            startsOn = Iso(tuesday.AddDays(-7)),
            startTime = "14:30",
            place = "鹤峰村党群服务中心",
            createdBy = "镇党委办公室",
        })).EnsureSuccessStatusCode();

        // Any day of the week names its Tuesday.
        var village = await client.GetFromJsonAsync<JsonElement>($"/organisations/{scenario.Hefeng}/this-tuesday?date={Iso(tuesday.AddDays(3))}");
        var office = await client.GetFromJsonAsync<JsonElement>($"/organisations/{scenario.Office}/this-tuesday?date={Iso(tuesday)}");
        var movedWeek = await client.GetFromJsonAsync<JsonElement>($"/organisations/{scenario.Office}/this-tuesday?date={Iso(tuesday.AddDays(7))}");
        var today = await client.GetAsync($"/organisations/{scenario.Office}/this-tuesday");
        var unknown = await client.GetAsync($"/organisations/{Guid.CreateVersion7()}/this-tuesday");

        Assert.Equal(Iso(tuesday), village.GetProperty("tuesday").GetString());
        var session = Assert.Single(village.GetProperty("sessions").EnumerateArray());
        Assert.Equal(scenario.PairingId, session.GetProperty("pairingId").GetGuid());
        Assert.Equal(scenario.Office, session.GetProperty("partnerOrganisationId").GetGuid());
        Assert.Equal("党建工作办党支部", session.GetProperty("partnerName").GetString());
        Assert.Equal(new TimeSpan(9, 0, 0), session.GetProperty("startsAt").GetDateTimeOffset().TimeOfDay);
        Assert.Equal("鹤峰村委会党群沟通室", session.GetProperty("place").GetString());
        Assert.Equal("第一议题：学习最新指示精神", session.GetProperty("topic").GetString());
        Assert.Equal("Scheduled", session.GetProperty("status").GetString());
        Assert.Equal(5, session.GetProperty("expectedCount").GetInt32());
        Assert.Equal(
            scenario.OrganMembers.Concat(scenario.VillageMembers).Order(),
            session.GetProperty("expected").EnumerateArray().Select(m => m.GetProperty("memberId").GetGuid()).Order());
        var stationed = Assert.Single(village.GetProperty("stationed").EnumerateArray());
        Assert.Equal(scenario.OrganMembers[1], stationed.GetProperty("leaderMemberId").GetGuid());
        Assert.Equal("机关党员02", stationed.GetProperty("leaderName").GetString());
        Assert.Equal("鹤峰村党委", stationed.GetProperty("villageName").GetString());
        Assert.Equal(new TimeSpan(14, 30, 0), stationed.GetProperty("startsAt").GetDateTimeOffset().TimeOfDay);

        // The office sees the same session from its side, and its member stationed in Hefeng.
        Assert.Equal("鹤峰村党委", Assert.Single(office.GetProperty("sessions").EnumerateArray()).GetProperty("partnerName").GetString());
        Assert.Equal(scenario.OrganMembers[1], Assert.Single(office.GetProperty("stationed").EnumerateArray()).GetProperty("leaderMemberId").GetGuid());

        var moved = Assert.Single(movedWeek.GetProperty("sessions").EnumerateArray());
        Assert.Equal("Moved", moved.GetProperty("status").GetString());
        Assert.Equal("星期二全镇防汛值班", moved.GetProperty("reason").GetString());
        Assert.Equal(Iso(tuesday.AddDays(8)), moved.GetProperty("on").GetString());

        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
