using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Pairing;
using Lishui.Pairing.Features;
using Lishui.Shared.Domain;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

public sealed class StudySessionApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    /// <summary>The most recent Tuesday, today included.</summary>
    private static DateOnly LastTuesday()
    {
        var today = TimeProvider.System.Today();
        return today.AddDays(-(((int)today.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7));
    }

    [Fact]
    public async Task A_held_Tuesday_study_publishes_the_session_and_one_attendance_event_per_member()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 2, village: 3);
        using var client = api.CreateClient();
        (await client.PutAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-schedule", new { time = "19:30", place = "鹤峰村党群服务中心" })).EnsureSuccessStatusCode();
        var attendance = new object[]
        {
            new { memberId = scenario.OrganMembers[0], status = "Present" },
            new { memberId = scenario.OrganMembers[1], status = "Excused", reason = "出差" },
            new { memberId = scenario.VillageMembers[0], status = "Present" },
            new { memberId = scenario.VillageMembers[1], status = "Absent" },
        };

        var response = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions",
            new { heldOn = LastTuesday().ToString("yyyy-MM-dd"), topic = "第一议题：学习最新指示精神", notes = "讨论修路征地", attendance });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var session = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var held = Assert.Single(await api.OutboxAsync<StudySessionHeld>(), e => e.SessionId == session);
        Assert.Equal((2, 1, 1), (held.Present, held.Excused, held.Absent));
        var recorded = (await api.OutboxAsync<AttendanceRecorded>()).Where(e => e.SessionId == session).ToList();
        Assert.Equal(4, recorded.Count);
        Assert.Equal(recorded.Count, recorded.Select(e => e.Sequence).Distinct().Count());
        Assert.Equal("Excused", recorded.Single(e => e.MemberId == scenario.OrganMembers[1]).Attendance);
        Assert.Equal(scenario.HefengBranch, recorded.Single(e => e.MemberId == scenario.VillageMembers[0]).MemberOrganisationId);
        Assert.DoesNotContain(await api.OutboxPayloadsAsync<AttendanceRecorded>(), payload => payload.Contains("出差", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Attendance_for_someone_outside_the_group_is_refused_and_nothing_is_written()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        var outsider = (await api.MembersAsync(await api.OrganisationAsync("别的党支部"), 1, "外人"))[0];
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions", new
        {
            heldOn = LastTuesday().ToString("yyyy-MM-dd"),
            topic = "第一议题",
            attendance = new[] { new { memberId = scenario.OrganMembers[0], status = "Present" }, new { memberId = outsider, status = "Present" } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("attendance.not-in-group", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("attendance[1].memberId", out _));
        Assert.False(await api.WithDbAsync(db => db.StudySessions.AnyAsync(s => s.PairingId == scenario.PairingId)));
        Assert.DoesNotContain(await api.OutboxAsync<AttendanceRecorded>(), e => e.PairingId == scenario.PairingId);
    }

    [Fact]
    public async Task A_session_off_Tuesday_needs_a_reason_and_a_day_is_recorded_once()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 1, village: 1);
        using var client = api.CreateClient();
        var monday = LastTuesday().AddDays(-1);
        object Body(string? movedReason) => new
        {
            heldOn = monday.ToString("yyyy-MM-dd"),
            topic = "第一议题",
            movedReason,
            attendance = new[] { new { memberId = scenario.OrganMembers[0], status = "Present" } },
        };

        var withoutReason = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions", Body(null));
        var moved = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions", Body("星期二为法定节假日，提前一天"));
        var again = await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions", Body("重复记录"));

        Assert.Equal("study-session.not-tuesday", (await withoutReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Created, moved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("study-session.already-recorded", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var list = await client.GetFromJsonAsync<JsonElement>($"/organisation-pairings/{scenario.PairingId}/study-sessions");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_member_reads_their_own_study_attendance_and_no_one_elses()
    {
        var scenario = await PairingScenario.CreateAsync(api, organ: 2, village: 1);
        using var client = api.CreateClient();
        var tuesday = LastTuesday();
        (await client.PostAsJsonAsync($"/organisation-pairings/{scenario.PairingId}/study-sessions", new
        {
            heldOn = tuesday.ToString("yyyy-MM-dd"),
            topic = "第一议题：学习党章",
            attendance = new object[]
            {
                new { memberId = scenario.OrganMembers[0], status = "Excused", reason = "参加镇防汛值班" },
                new { memberId = scenario.OrganMembers[1], status = "Present" },
            },
        })).EnsureSuccessStatusCode();
        using var member = api.ClientWith(TestTokens.Member(scenario.OrganMembers[0], "organ-member"));

        var mine = await member.GetFromJsonAsync<JsonElement>($"/members/{scenario.OrganMembers[0]}/study-attendance?from={tuesday:yyyy-MM-dd}");
        var row = Assert.Single(mine.GetProperty("items").EnumerateArray());
        Assert.Equal(("Excused", "参加镇防汛值班", "第一议题：学习党章"), (row.GetProperty("status").GetString(), row.GetProperty("reason").GetString(), row.GetProperty("topic").GetString()));
        Assert.Equal(scenario.PairingId, row.GetProperty("pairingId").GetGuid());
        var later = await member.GetFromJsonAsync<JsonElement>($"/members/{scenario.OrganMembers[0]}/study-attendance?from={tuesday.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(0, later.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/members/{scenario.OrganMembers[1]}/study-attendance")).StatusCode);
        var backwards = await member.GetAsync($"/members/{scenario.OrganMembers[0]}/study-attendance?from={tuesday:yyyy-MM-dd}&to={tuesday.AddDays(-1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
    }
}
