using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Pairing;
using Lishui.Pairing.Domain;
using Lishui.Pairing.Features;
using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

public sealed class StudyCalendarApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private static readonly DateOnly Today = TimeProvider.System.Today();

    /// <summary>The Tuesday two weeks from this week's: always still to come.</summary>
    private static readonly DateOnly Tuesday = TownCalendar.TuesdayOf(Today).AddDays(14);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("code").GetString();

    private async Task<List<JsonElement>> CalendarAsync(Guid pairingId, DateOnly from, DateOnly to)
    {
        using var client = api.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>($"/organisation-pairings/{pairingId}/study-calendar?from={Iso(from)}&to={Iso(to)}");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static JsonElement Week(List<JsonElement> calendar, DateOnly tuesday) =>
        calendar.Single(s => s.GetProperty("weekOf").GetString() == Iso(tuesday));

    private async Task<Guid> PairAsync(Guid organ, Guid village)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync("/organisation-pairings", new { organBranchId = organ, villageCommitteeId = village, startsOn = "2026-01-01", purpose = "组织结对" });
        response.EnsureSuccessStatusCode();
        return (await JsonAsync(response)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_weekly_schedule_puts_every_Tuesday_on_the_calendar_at_the_groups_time_and_place()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        using var client = api.CreateClient();

        var set = await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-schedule",
            new { time = "09:00", place = "鹤峰村委会党群沟通室", durationMinutes = 90 });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var calendar = await CalendarAsync(scenario.PairingId, Tuesday, Tuesday.AddDays(21));
        Assert.Equal(4, calendar.Count);
        Assert.All(calendar, s =>
        {
            var startsAt = s.GetProperty("startsAt").GetDateTimeOffset();
            Assert.Equal(DayOfWeek.Tuesday, startsAt.DayOfWeek);
            Assert.Equal(new TimeSpan(9, 0, 0), startsAt.TimeOfDay);
            Assert.Equal(TimeSpan.FromHours(8), startsAt.Offset);
            Assert.Equal(startsAt.AddMinutes(90), s.GetProperty("endsAt").GetDateTimeOffset());
            Assert.Equal("鹤峰村委会党群沟通室", s.GetProperty("place").GetString());
            Assert.Equal("Scheduled", s.GetProperty("status").GetString());
        });

        // A later change of time moves the sessions still at their regular slot, and only those.
        (await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(Tuesday)}/skip",
            new { reason = "法定节假日", changedBy = "党建办 李书记" })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-schedule",
            new { time = "10:00", place = "鹤峰村委会党群沟通室" })).EnsureSuccessStatusCode();
        calendar = await CalendarAsync(scenario.PairingId, Tuesday, Tuesday.AddDays(21));
        Assert.Equal("Skipped", Week(calendar, Tuesday).GetProperty("status").GetString());
        Assert.Equal(new TimeSpan(10, 0, 0), Week(calendar, Tuesday.AddDays(7)).GetProperty("startsAt").GetDateTimeOffset().TimeOfDay);
        Assert.Equal(1, await api.WithDbAsync(db => db.ScheduledSessions.CountAsync(s => s.PairingId == scenario.PairingId && s.WeekOf == Tuesday)));
    }

    [Fact]
    public async Task A_holiday_Tuesday_is_skipped_or_moved_with_a_reason_and_who_decided()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        using var client = api.CreateClient();
        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-schedule", new { time = "09:00", place = "鹤峰村委会" })).EnsureSuccessStatusCode();

        var skip = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(Tuesday)}/skip",
            new { reason = "国庆假期", changedBy = "党建办 李书记" });
        var move = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(Tuesday.AddDays(7))}/move",
            new { date = Iso(Tuesday.AddDays(8)), time = "15:00", place = "鹤峰村文化驿站", reason = "星期二全镇大会，改到星期三下午", changedBy = "党建办 李书记" });
        var withoutReason = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(Tuesday.AddDays(14))}/skip",
            new { changedBy = "党建办 李书记" });
        var notATuesday = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(Tuesday.AddDays(1))}/skip",
            new { reason = "节假日", changedBy = "党建办 李书记" });
        var intoThePast = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(Tuesday.AddDays(14))}/move",
            new { date = Iso(Today.AddDays(-1)), reason = "补记", changedBy = "党建办 李书记" });

        Assert.Equal(HttpStatusCode.OK, skip.StatusCode);
        Assert.Equal(HttpStatusCode.OK, move.StatusCode);
        var moved = await JsonAsync(move);
        Assert.Equal("Moved", moved.GetProperty("status").GetString());
        Assert.Equal(Iso(Tuesday.AddDays(8)), moved.GetProperty("on").GetString());
        Assert.Equal(new TimeSpan(15, 0, 0), moved.GetProperty("startsAt").GetDateTimeOffset().TimeOfDay);
        Assert.Equal("鹤峰村文化驿站", moved.GetProperty("place").GetString());
        Assert.Equal("星期二全镇大会，改到星期三下午", moved.GetProperty("reason").GetString());
        Assert.Equal("党建办 李书记", moved.GetProperty("changedBy").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.True((await JsonAsync(withoutReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("study-calendar.not-tuesday", await CodeAsync(notATuesday));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, intoThePast.StatusCode);
        Assert.Equal("study-session.move-into-past", await CodeAsync(intoThePast));

        var calendar = await CalendarAsync(scenario.PairingId, Tuesday, Tuesday.AddDays(14));
        var skipped = Week(calendar, Tuesday);
        Assert.Equal("Skipped", skipped.GetProperty("status").GetString());
        Assert.Equal("国庆假期", skipped.GetProperty("reason").GetString());
        Assert.Equal("Scheduled", Week(calendar, Tuesday.AddDays(14)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_move_that_collides_with_the_same_group_or_a_group_of_either_organisation_is_refused_and_nothing_changes()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        var otherVillage = await api.OrganisationAsync("洲村党委", "PartyCommittee");
        var otherPairing = await PairAsync(scenario.Office, otherVillage);
        using var client = api.CreateClient();
        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-schedule", new { time = "09:00", place = "鹤峰村委会" })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/organisation-pairings/{otherPairing}/study-schedule", new { time = "14:30", place = "洲村村委会" })).EnsureSuccessStatusCode();
        var wednesday = Tuesday.AddDays(1);
        (await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(Tuesday)}/move",
            new { date = Iso(wednesday), time = "10:00", reason = "星期二为节假日", changedBy = "党建办 李书记" })).EnsureSuccessStatusCode();

        // The office meets Hefeng 10:00–12:00 that Wednesday: its group with Zhoucun cannot meet at 11:00.
        var otherGroup = await client.PostAsJsonAsync($"/organisation-pairings/{otherPairing}/study-calendar/{Iso(Tuesday)}/move",
            new { date = Iso(wednesday), time = "11:00", reason = "星期二为节假日", changedBy = "洲村 王书记" });
        // Hefeng's group already meets that Wednesday: its next week's session cannot go there too, even at another hour.
        var sameGroup = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(Tuesday.AddDays(7))}/move",
            new { date = Iso(wednesday), time = "19:00", reason = "集中学习", changedBy = "党建办 李书记" });
        // The regular slot of the other group overlaps nobody: it can meet the same Wednesday afternoon.
        var afterwards = await client.PostAsJsonAsync($"/organisation-pairings/{otherPairing}/study-calendar/{Iso(Tuesday)}/move",
            new { date = Iso(wednesday), time = "14:00", reason = "星期二为节假日", changedBy = "洲村 王书记" });

        Assert.Equal(HttpStatusCode.Conflict, otherGroup.StatusCode);
        var problem = await JsonAsync(otherGroup);
        Assert.Equal("study-session.collides", problem.GetProperty("code").GetString());
        Assert.Equal("urn:lishui:problem:study-session.collides", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("date", out _));
        Assert.Equal(HttpStatusCode.Conflict, sameGroup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        var untouched = Week(await CalendarAsync(scenario.PairingId, Tuesday.AddDays(7), Tuesday.AddDays(7)), Tuesday.AddDays(7));
        Assert.Equal("Scheduled", untouched.GetProperty("status").GetString());
        Assert.Equal(Iso(Tuesday.AddDays(7)), untouched.GetProperty("on").GetString());
    }

    [Fact]
    public async Task A_weekly_time_that_overlaps_another_group_of_the_same_organisation_is_refused()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        var otherPairing = await PairAsync(scenario.Office, await api.OrganisationAsync("横江村党委", "PartyCommittee"));
        using var client = api.CreateClient();
        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-schedule", new { time = "09:00", place = "鹤峰村委会" })).EnsureSuccessStatusCode();

        var clash = await client.PutAsJsonAsync($"/organisation-pairings/{otherPairing}/study-schedule", new { time = "10:00", place = "横江村委会" });

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal("study-schedule.collides", await CodeAsync(clash));
        Assert.Null(await api.WithDbAsync(db => db.OrganisationPairings.Where(p => p.Id == otherPairing).Select(p => p.StudyTime).SingleAsync()));
        Assert.False(await api.WithDbAsync(db => db.ScheduledSessions.AnyAsync(s => s.PairingId == otherPairing)));
    }

    [Fact]
    public async Task Recording_a_held_session_completes_the_calendars_session_of_that_day()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 2);
        var past = TownCalendar.TuesdayOf(Today).AddDays(-14);
        using var client = api.CreateClient();
        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-schedule",
            new { time = "09:00", place = "鹤峰村委会", startsOn = Iso(past.AddDays(-7)) })).EnsureSuccessStatusCode();
        var planned = Week(await CalendarAsync(scenario.PairingId, past, past), past).GetProperty("id").GetGuid();

        var recorded = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions", new
        {
            heldOn = Iso(past),
            topic = "第一议题：学习最新精神",
            attendance = new object[]
            {
                new { memberId = scenario.OrganMembers[0], status = "Present" },
                new { memberId = scenario.VillageMembers[0], status = "Present" },
                new { memberId = scenario.VillageMembers[1], status = "Excused", reason = "外出务工" },
            },
        });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(planned, (await JsonAsync(recorded)).GetProperty("id").GetGuid());
        Assert.Single(await api.OutboxAsync<StudySessionHeld>(), e => e.SessionId == planned);
        Assert.Equal(3, (await api.OutboxAsync<AttendanceRecorded>()).Count(e => e.SessionId == planned));
        var held = Week(await CalendarAsync(scenario.PairingId, past, past), past);
        Assert.Equal("Held", held.GetProperty("status").GetString());
        Assert.Equal("第一议题：学习最新精神", held.GetProperty("topic").GetString());
        var cannotMove = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-calendar/{Iso(past)}/skip",
            new { reason = "补记", changedBy = "党建办 李书记" });
        Assert.Equal("study-session.already-held", await CodeAsync(cannotMove));
    }
}
