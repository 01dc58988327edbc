using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Tests.Api;

/// <summary>党群小组每月讨论: one meeting per group and month, its attendance published for organisational life.</summary>
public sealed class PartyMassDiscussionApiTests(PairingApiFactory api) : IClassFixture<PairingApiFactory>
{
    private static DateOnly Today => TimeProvider.System.Today();

    private static DateOnly InMonthsBack(int months, int day) => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-months).AddDays(day - 1);

    private sealed record Group(Guid Village, Guid Id, List<Guid> Members);

    private async Task<Group> GroupAsync(int members = 4)
    {
        var village = await api.OrganisationAsync("鹤峰村党委", "PartyCommittee");
        var branch = await api.OrganisationAsync("鹤峰村党支部", "Branch", village);
        var group = await api.OrganisationAsync("高边党群小组", "PartyMassGroup", branch);
        return new Group(village, group, await api.MembersAsync(group, members, "高边党员"));
    }

    private static object Body(DateOnly heldOn, params object[] attendance) => new
    {
        heldOn = heldOn.ToString("yyyy-MM-dd"),
        topic = "讨论高边经济社修路征求意见安排",
        place = "高边经济社榕树头",
        minutes = "通报修路方案；分工入户征求意见，下周内完成签名。",
        attendance,
    };

    [Fact]
    public async Task A_monthly_discussion_is_kept_with_its_minutes_and_each_members_attendance_is_published()
    {
        var group = await GroupAsync();
        using var client = api.CreateClient();
        var heldOn = InMonthsBack(1, 12);

        var response = await client.PostAsJsonAsync($"/party-mass-groups/{group.Id}/discussions", Body(heldOn,
            new { memberId = group.Members[0], status = "Present" },
            new { memberId = group.Members[1], status = "Present" },
            new { memberId = group.Members[2], status = "Excused", reason = "外出务工" },
            new { memberId = group.Members[3], status = "Absent" }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal(heldOn.ToString("yyyy-MM"), created.GetProperty("month").GetString());
        var held = Assert.Single(await api.OutboxAsync<PartyMassDiscussionHeld>(), e => e.DiscussionId == id);
        Assert.Equal((2, 1, 1), (held.Present, held.Excused, held.Absent));
        Assert.Equal((group.Id, group.Id, new DateOnly(heldOn.Year, heldOn.Month, 1)), (held.GroupId, held.OrganisationId, held.Month));
        var each = (await api.OutboxAsync<PartyMassDiscussionAttendanceRecorded>()).Where(e => e.DiscussionId == id).ToList();
        Assert.Equal(4, each.Count);
        Assert.Equal(4, each.Select(e => e.Sequence).Append(held.Sequence).Distinct().Count() - 1);
        Assert.Equal("Excused", each.Single(e => e.MemberId == group.Members[2]).Attendance);
        Assert.All(each, e => Assert.Equal(group.Id, e.MemberOrganisationId));
        Assert.DoesNotContain(await api.OutboxPayloadsAsync<PartyMassDiscussionAttendanceRecorded>(), p => p.Contains("外出务工", StringComparison.Ordinal));

        var detail = await client.GetFromJsonAsync<JsonElement>($"/party-mass-discussions/{id}");
        Assert.Equal("通报修路方案；分工入户征求意见，下周内完成签名。", detail.GetProperty("minutes").GetString());
        Assert.Equal("高边党群小组", detail.GetProperty("groupName").GetString());
        Assert.Equal("外出务工", detail.GetProperty("attendance").EnumerateArray().Single(a => a.GetProperty("status").GetString() == "Excused").GetProperty("reason").GetString());
        Assert.StartsWith("高边党员", detail.GetProperty("attendance")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_second_discussion_in_the_same_month_is_a_conflict_and_the_next_month_is_recorded()
    {
        var group = await GroupAsync(2);
        using var client = api.CreateClient();
        var present = new { memberId = group.Members[0], status = "Present" };

        var first = await client.PostAsJsonAsync($"/party-mass-groups/{group.Id}/discussions", Body(InMonthsBack(2, 5), present));
        var again = await client.PostAsJsonAsync($"/party-mass-groups/{group.Id}/discussions", Body(InMonthsBack(2, 26), present));
        var next = await client.PostAsJsonAsync($"/party-mass-groups/{group.Id}/discussions", Body(InMonthsBack(1, 3), present));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("party-mass-discussion.month-taken", problem.GetProperty("code").GetString());
        Assert.Contains("已经记录", problem.GetProperty("errors").GetProperty("heldOn")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(2, (await api.OutboxAsync<PartyMassDiscussionHeld>()).Count(e => e.GroupId == group.Id));

        var list = await client.GetFromJsonAsync<JsonElement>($"/party-mass-groups/{group.Id}/discussions");
        Assert.Equal([InMonthsBack(1, 1).ToString("yyyy-MM"), InMonthsBack(2, 1).ToString("yyyy-MM")],
            list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("month").GetString()));
        Assert.Equal(1, list.GetProperty("items")[0].GetProperty("present").GetInt32());
    }

    [Fact]
    public async Task Outsiders_future_dates_other_organisations_and_missing_minutes_are_refused_and_nothing_is_written()
    {
        var group = await GroupAsync(1);
        var other = await GroupAsync(1);
        using var client = api.CreateClient();
        var heldOn = InMonthsBack(1, 8);

        var outsider = await client.PostAsJsonAsync($"/party-mass-groups/{group.Id}/discussions",
            Body(heldOn, new { memberId = group.Members[0], status = "Present" }, new { memberId = other.Members[0], status = "Present" }));
        var future = await client.PostAsJsonAsync($"/party-mass-groups/{group.Id}/discussions",
            Body(Today.AddDays(1), new { memberId = group.Members[0], status = "Present" }));
        var village = await client.PostAsJsonAsync($"/party-mass-groups/{group.Village}/discussions",
            Body(heldOn, new { memberId = group.Members[0], status = "Present" }));
        var unknown = await client.PostAsJsonAsync($"/party-mass-groups/{Guid.NewGuid()}/discussions",
            Body(heldOn, new { memberId = group.Members[0], status = "Present" }));
        var incomplete = await client.PostAsJsonAsync($"/party-mass-groups/{group.Id}/discussions",
            new { heldOn = heldOn.ToString("yyyy-MM-dd"), topic = " ", minutes = "", attendance = Array.Empty<object>() });
        var unknownPlace = await client.PostAsJsonAsync($"/party-mass-groups/{group.Id}/discussions", new
        {
            heldOn = heldOn.ToString("yyyy-MM-dd"), topic = "讨论", minutes = "记录", servicePositionId = Guid.NewGuid(),
            attendance = new[] { new { memberId = group.Members[0], status = "Present" } },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, outsider.StatusCode);
        Assert.True((await outsider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("attendance[1].memberId", out _));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, village.StatusCode);
        Assert.Equal("party-mass-discussion.not-a-group", (await village.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.All(new[] { "topic", "place", "minutes", "attendance" }, field => Assert.True(errors.TryGetProperty(field, out _), field));
        var blankEntry = await client.PostAsync($"/party-mass-groups/{group.Id}/discussions", new StringContent(
            $$"""{"heldOn":"{{heldOn:yyyy-MM-dd}}","topic":"讨论","place":"榕树头","minutes":"记录","attendance":[null]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, blankEntry.StatusCode);
        Assert.True((await blankEntry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("attendance[0]", out _));
        Assert.Equal(HttpStatusCode.BadRequest, unknownPlace.StatusCode);
        Assert.True((await unknownPlace.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("servicePositionId", out _));
        Assert.False(await api.WithDbAsync(db => db.Discussions.AnyAsync(d => d.GroupId == group.Id || d.GroupId == group.Village)));
        Assert.DoesNotContain(await api.OutboxAsync<PartyMassDiscussionAttendanceRecorded>(), e => e.GroupId == group.Id);
    }

    [Fact]
    public async Task A_discussion_held_at_a_service_position_takes_its_name_as_the_place()
    {
        var group = await GroupAsync(1);
        using var client = api.CreateClient();
        var banyan = await client.PostAsJsonAsync("/service-positions", new { organisationId = group.Id, name = "榕树头", kind = "ServiceStation", address = "高边经济社村口大榕树下" });
        var position = (await banyan.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await client.PostAsJsonAsync($"/party-mass-groups/{group.Id}/discussions", new
        {
            heldOn = InMonthsBack(1, 20).ToString("yyyy-MM-dd"), topic = "讨论环境整治", minutes = "分片包干清理房前屋后。", servicePositionId = position,
            attendance = new[] { new { memberId = group.Members[0], status = "Present" } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("榕树头", created.GetProperty("place").GetString());
        Assert.Equal(position, created.GetProperty("servicePositionId").GetGuid());
    }

    [Fact]
    public async Task A_villages_secretary_records_and_reads_its_groups_discussions_and_not_another_villages()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var secretary = api.ClientWith(TestTokens.Secretary(world.Hefeng, "hefeng-secretary"));
        using var member = api.ClientWith(TestTokens.Member(world.OwnMember, "hefeng-member"));

        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/party-mass-discussions/{world.HefengDiscussion}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/party-mass-discussions/{world.ZhoucunDiscussion}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/party-mass-discussions/{world.HefengDiscussion}")).StatusCode);
        var zhoucunGroup = await api.WithDbAsync(db => db.Discussions.Where(d => d.Id == world.ZhoucunDiscussion).Select(d => d.GroupId).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync($"/party-mass-groups/{zhoucunGroup}/discussions", Body(Today))).StatusCode);
    }
}
