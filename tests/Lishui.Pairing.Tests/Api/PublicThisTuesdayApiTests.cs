using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Shared.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

public sealed class PublicThisTuesdayApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static DateOnly NextTuesday() => TownCalendar.TuesdayOf(TimeProvider.System.Today()).AddDays(7);

    /// <summary>The most recent Tuesday, today included.</summary>
    private static DateOnly LastTuesday()
    {
        var today = TimeProvider.System.Today();
        return today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7));
    }

    private static JsonElement SessionOf(JsonElement week, Guid pairingId) =>
        Assert.Single(week.GetProperty("sessions").EnumerateArray(), s => s.GetProperty("pairingId").GetGuid() == pairingId);

    private async Task<PairingScenario> ScheduledAsync(HttpClient admin, string time, string place)
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 2, village: 3);
        await scenario.GenerateListAsync(api);
        (await admin.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-schedule", new { time, place, durationMinutes = 90 })).EnsureSuccessStatusCode();
        return scenario;
    }

    [Fact]
    public async Task Anyone_sees_the_weeks_study_with_topic_place_and_time_and_the_stationed_leader_without_signing_in()
    {
        var tuesday = NextTuesday();
        using var admin = api.CreateClient();
        var scenario = await ScheduledAsync(admin, "09:00", "鹤峰村委会党群沟通室");
        (await admin.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(tuesday)}/topic", new { topic = "第一议题：学习最新指示精神" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/stationing-schedules", new
        {
            leaderMemberId = scenario.OrganMembers[1],
            villageCommitteeId = scenario.Hefeng,
            startsOn = Iso(tuesday.AddDays(-7)),
            startTime = "14:30",
            place = "鹤峰村党群服务中心",
            createdBy = "镇党委办公室",
        })).EnsureSuccessStatusCode();
        using var anonymous = api.ClientWith(null);

        // Any day of the week names its Tuesday.
        var response = await anonymous.GetAsync($"/public/this-tuesday?date={Iso(tuesday.AddDays(4))}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var week = JsonDocument.Parse(text).RootElement;
        Assert.Equal(Iso(tuesday), week.GetProperty("tuesday").GetString());
        Assert.Equal(Iso(tuesday.AddDays(-1)), week.GetProperty("weekStartsOn").GetString());
        Assert.Equal(Iso(tuesday.AddDays(5)), week.GetProperty("weekEndsOn").GetString());
        var session = SessionOf(week, scenario.PairingId);
        Assert.Equal("党建工作办党支部", session.GetProperty("organBranchName").GetString());
        Assert.Equal("鹤峰村党委", session.GetProperty("villageCommitteeName").GetString());
        Assert.Equal(Iso(tuesday), session.GetProperty("on").GetString());
        Assert.Equal(TownCalendar.At(tuesday, new TimeOnly(9, 0)), session.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(TownCalendar.Offset, session.GetProperty("startsAt").GetDateTimeOffset().Offset);
        Assert.Equal(90, session.GetProperty("durationMinutes").GetInt32());
        Assert.Equal("鹤峰村委会党群沟通室", session.GetProperty("place").GetString());
        Assert.Equal("第一议题：学习最新指示精神", session.GetProperty("topic").GetString());
        Assert.Equal("Scheduled", session.GetProperty("state").GetString());
        Assert.Equal("按计划", session.GetProperty("stateText").GetString());

        var visit = Assert.Single(week.GetProperty("stationingVisits").EnumerateArray(), v => v.GetProperty("villageCommitteeId").GetGuid() == scenario.Hefeng);
        Assert.Equal("鹤峰村党委", visit.GetProperty("villageName").GetString());
        Assert.Equal("机关党员02", visit.GetProperty("leaderName").GetString());
        Assert.Equal("鹤峰村党群服务中心", visit.GetProperty("place").GetString());
        Assert.Equal(TownCalendar.At(tuesday, new TimeOnly(14, 30)), visit.GetProperty("startsAt").GetDateTimeOffset());

        // Nothing of the members beyond the stationed leader's public name: no lists, no ids, no attendance.
        foreach (var member in scenario.OrganMembers.Concat(scenario.VillageMembers))
        {
            Assert.DoesNotContain(member.ToString(), text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("村党员", text, StringComparison.Ordinal);
        Assert.Equal(
            ["pairingId", "organBranchId", "organBranchName", "villageCommitteeId", "villageCommitteeName", "on", "startsAt", "durationMinutes", "place", "topic", "state", "stateText", "reason"],
            session.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["villageCommitteeId", "villageName", "leaderName", "on", "startsAt", "endsAt", "place", "held"],
            visit.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_moved_session_shows_its_new_date_and_reason_and_a_skipped_one_why_it_is_skipped()
    {
        var tuesday = NextTuesday();
        using var admin = api.CreateClient();
        var scenario = await ScheduledAsync(admin, "09:00", "鹤峰村委会党群沟通室");
        (await admin.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(tuesday)}/move",
            new { date = Iso(tuesday.AddDays(1)), time = "19:30", reason = "星期二全镇防汛值班", changedBy = "党建办 李书记" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(tuesday.AddDays(7))}/skip",
            new { reason = "国庆假期，本周暂停", changedBy = "党建办 李书记" })).EnsureSuccessStatusCode();
        using var anonymous = api.ClientWith(null);

        var movedWeek = await anonymous.GetFromJsonAsync<JsonElement>($"/public/this-tuesday?date={Iso(tuesday)}");
        var skippedWeek = await anonymous.GetFromJsonAsync<JsonElement>($"/public/this-tuesday?date={Iso(tuesday.AddDays(7))}");

        var moved = SessionOf(movedWeek, scenario.PairingId);
        Assert.Equal("Moved", moved.GetProperty("state").GetString());
        Assert.Equal("已调整", moved.GetProperty("stateText").GetString());
        Assert.Equal(Iso(tuesday.AddDays(1)), moved.GetProperty("on").GetString());
        Assert.Equal(TownCalendar.At(tuesday.AddDays(1), new TimeOnly(19, 30)), moved.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("星期二全镇防汛值班", moved.GetProperty("reason").GetString());
        var skipped = SessionOf(skippedWeek, scenario.PairingId);
        Assert.Equal("Skipped", skipped.GetProperty("state").GetString());
        Assert.Equal("国庆假期，本周暂停", skipped.GetProperty("reason").GetString());
        Assert.DoesNotContain("李书记", movedWeek.GetRawText() + skippedWeek.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_held_session_shows_the_topic_studied_and_none_of_the_attendance()
    {
        var held = LastTuesday();
        using var admin = api.CreateClient();
        var scenario = await ScheduledAsync(admin, "19:30", "鹤峰村党群服务中心");
        (await admin.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions", new
        {
            heldOn = Iso(held),
            topic = "第一议题：学习最新指示精神",
            notes = "讨论修路征地",
            attendance = new object[]
            {
                new { memberId = scenario.OrganMembers[0], status = "Present" },
                new { memberId = scenario.VillageMembers[0], status = "Excused", reason = "出差" },
            },
        })).EnsureSuccessStatusCode();
        using var anonymous = api.ClientWith(null);

        var week = await anonymous.GetFromJsonAsync<JsonElement>($"/public/this-tuesday?date={Iso(held)}");

        var session = SessionOf(week, scenario.PairingId);
        Assert.Equal("Held", session.GetProperty("state").GetString());
        Assert.Equal("已举行", session.GetProperty("stateText").GetString());
        Assert.Equal("第一议题：学习最新指示精神", session.GetProperty("topic").GetString());
        Assert.DoesNotContain("出差", week.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("修路征地", week.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(scenario.OrganMembers[0].ToString(), week.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_week_beyond_the_calendar_is_shown_from_the_regular_schedule_and_an_anonymous_read_writes_nothing()
    {
        var far = NextTuesday().AddDays(7 * 30);
        using var admin = api.CreateClient();
        var scenario = await ScheduledAsync(admin, "10:00", "鹤峰村党群服务中心二楼");
        var schedule = await admin.PostAsJsonAsync("/stationing-schedules", new
        {
            leaderMemberId = scenario.OrganMembers[0],
            villageCommitteeId = scenario.Hefeng,
            startsOn = Iso(NextTuesday()),
            startTime = "14:00",
            place = "鹤峰村党群服务站",
            createdBy = "镇党委办公室",
        });
        schedule.EnsureSuccessStatusCode();
        var scheduleId = (await schedule.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var anonymous = api.ClientWith(null);

        var week = await anonymous.GetFromJsonAsync<JsonElement>($"/public/this-tuesday?date={Iso(far)}");

        var session = SessionOf(week, scenario.PairingId);
        Assert.Equal("Scheduled", session.GetProperty("state").GetString());
        Assert.Equal(TownCalendar.At(far, new TimeOnly(10, 0)), session.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal("鹤峰村党群服务中心二楼", session.GetProperty("place").GetString());
        var visit = Assert.Single(week.GetProperty("stationingVisits").EnumerateArray(), v => v.GetProperty("villageCommitteeId").GetGuid() == scenario.Hefeng);
        Assert.Equal("机关党员01", visit.GetProperty("leaderName").GetString());
        Assert.Equal(0, await api.WithDbAsync(db => db.ScheduledSessions.CountAsync(s => s.PairingId == scenario.PairingId && s.WeekOf == far)));
        Assert.Equal(0, await api.WithDbAsync(db => db.StationingVisits.CountAsync(v => v.ScheduleId == scheduleId && v.On == far)));
    }

    [Fact]
    public async Task The_week_lists_sessions_and_visits_in_time_order_and_defaults_to_this_week()
    {
        var tuesday = NextTuesday();
        using var admin = api.CreateClient();
        var evening = await ScheduledAsync(admin, "19:30", "甲地");
        var morning = await ScheduledAsync(admin, "08:30", "乙地");
        using var anonymous = api.ClientWith(null);

        var week = await anonymous.GetFromJsonAsync<JsonElement>($"/public/this-tuesday?date={Iso(tuesday)}");
        var today = await anonymous.GetFromJsonAsync<JsonElement>("/public/this-tuesday");

        var sessions = week.GetProperty("sessions").EnumerateArray().ToList();
        var times = sessions.Select(s => s.GetProperty("startsAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        var ids = sessions.Select(s => s.GetProperty("pairingId").GetGuid()).ToList();
        Assert.True(ids.IndexOf(morning.PairingId) < ids.IndexOf(evening.PairingId));
        var visits = week.GetProperty("stationingVisits").EnumerateArray().Select(v => v.GetProperty("startsAt").GetDateTimeOffset()).ToList();
        Assert.Equal(visits.Order(), visits);
        Assert.Equal(Iso(TownCalendar.TuesdayOf(TimeProvider.System.Today())), today.GetProperty("tuesday").GetString());
    }

    [Theory]
    [InlineData("2026-13-40")]
    [InlineData("下周二")]
    [InlineData("03/03/2026")]
    [InlineData("9999-12-31")]
    public async Task A_bad_date_is_a_400_problem_in_Chinese_naming_the_field(string date)
    {
        using var anonymous = api.ClientWith(null);

        var response = await anonymous.GetAsync($"/public/this-tuesday?date={Uri.EscapeDataString(date)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("validation", problem.GetProperty("code").GetString());
        Assert.Equal("请求内容有误，请检查各字段。", problem.GetProperty("title").GetString());
        var error = Assert.Single(problem.GetProperty("fieldErrors").EnumerateArray());
        Assert.Equal("date", error.GetProperty("field").GetString());
        Assert.Equal("this-tuesday.date-invalid", error.GetProperty("code").GetString());
        Assert.StartsWith("日期格式应为 yyyy-MM-dd", error.GetProperty("message").GetString());
    }
}

/// <summary>The service with anonymous reads limited to three a minute per client.</summary>
public sealed class RateLimitedPairingApiFactory : PairingApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:PublicRateLimit:ReadsPerMinute", "3");
    }
}

public sealed class PublicThisTuesdayRateLimitTests(RateLimitedPairingApiFactory api) : IClassFixture<RateLimitedPairingApiFactory>
{
    [Fact]
    public async Task The_public_Tuesday_is_rate_limited_per_anonymous_client_like_the_platforms_other_public_pages()
    {
        using var anonymous = api.ClientWith(null);
        using var admin = api.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await anonymous.GetAsync("/public/this-tuesday")).StatusCode);
        }

        var refused = await anonymous.GetAsync("/public/this-tuesday");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("rate-limited", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/public/this-tuesday")).StatusCode); // a signed-in caller is known and audited
    }
}
