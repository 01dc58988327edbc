using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Contracts.Membership;
using Lishui.Membership.Features.OrganisationalTalks;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Membership.Tests.Api;

/// <summary>OrganisationalTalkRequired from Assessment becomes a task the member's secretary records; an overdue one is reminded once.</summary>
public sealed class OrganisationalTalkApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    private static OrganisationalTalkRequired Required(Guid member, int year, DateOnly dueOn, Guid organisation) =>
        new OrganisationalTalkRequired { MemberId = member, SchemeId = Guid.CreateVersion7(), NoticeId = Guid.CreateVersion7(), Year = year, DueOn = dueOn }
            .About(Guid.CreateVersion7(), organisation, 1, DateTimeOffset.UtcNow);

    private async Task<(Guid Village, Guid Branch)> VillageAsync(string name)
    {
        var village = await api.CreateOrganisationAsync(new { name = $"{name}村党委", kind = "PartyCommittee", parentId = await api.TownAsync(), sector = "Village" });
        return (village, await api.CreateOrganisationAsync(new { name = $"{name}村党支部", kind = "Branch", parentId = village }));
    }

    private async Task<JsonElement> TalkOfAsync(AssessmentNews assessment, OrganisationalTalkRequired required, Guid village)
    {
        using var client = api.CreateClient();
        var list = await assessment.PublishUntilAsync(required,
            () => client.GetFromJsonAsync<JsonElement>($"/organisational-talks?organisationId={village}&memberId={required.MemberId}"),
            l => l.GetProperty("total").GetInt32() > 0, "the talk should be opened");
        return list.GetProperty("items")[0];
    }

    [Fact]
    public async Task An_unqualified_members_talk_is_opened_once_and_recorded_by_the_villages_secretary()
    {
        var hefeng = await VillageAsync("鹤峰");
        var other = await VillageAsync("洲");
        var member = await api.RegisterMemberAsync(hefeng.Branch, "梁文辉");
        await using var assessment = await AssessmentNews.StartAsync(api.Infrastructure);
        await using var held = await EventListener<OrganisationalTalkHeld>.StartAsync(api.Infrastructure);
        var today = TownCalendar.DateOf(DateTimeOffset.UtcNow);

        var required = Required(member, 2025, today.AddDays(30), hefeng.Village);
        var talk = await TalkOfAsync(assessment, required, hefeng.Village);
        await assessment.PublishAsync(Required(member, 2025, today.AddDays(30), hefeng.Village)); // the finding published again
        var again = Required(member, 2025, today.AddDays(30), hefeng.Village);
        await assessment.PublishAsync(again);
        await Eventually.MatchAsync(() => api.WithDbAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == again.EventId)), seen => seen, because: "consumed");

        Assert.Equal(1, await api.WithDbAsync(db => db.OrganisationalTalks.CountAsync(t => t.MemberId == new Lishui.Membership.Domain.MemberId(member))));
        Assert.Equal((today.AddDays(30).ToString("yyyy-MM-dd"), "Open", false),
            (talk.GetProperty("dueOn").GetString(), talk.GetProperty("status").GetString(), talk.GetProperty("overdue").GetBoolean()));
        var id = talk.GetProperty("id").GetGuid();

        using var secretary = api.ClientWith(TestTokens.Secretary(hefeng.Village, "hefeng-secretary"));
        using var otherSecretary = api.ClientWith(TestTokens.Secretary(other.Village, "zhou-secretary"));
        var open = await secretary.GetFromJsonAsync<JsonElement>($"/organisational-talks?organisationId={hefeng.Village}&status=Open");
        Assert.Contains(open.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == id && t.GetProperty("memberName").GetString() == "梁文辉");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherSecretary.GetAsync($"/organisational-talks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherSecretary.PostAsJsonAsync($"/organisational-talks/{id}/record",
            new { heldOn = today, talkedBy = "外村书记", outcome = "越权登记" })).StatusCode);

        var incomplete = await secretary.PostAsJsonAsync($"/organisational-talks/{id}/record", new { heldOn = today, talkedBy = " ", outcome = "已谈话" });
        var future = await secretary.PostAsJsonAsync($"/organisational-talks/{id}/record", new { heldOn = today.AddDays(1), talkedBy = "陈志明（支部书记）", outcome = "已谈话" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Equal("Open", (await secretary.GetFromJsonAsync<JsonElement>($"/organisational-talks/{id}")).GetProperty("status").GetString());

        var recorded = await secretary.PostAsJsonAsync($"/organisational-talks/{id}/record",
            new { heldOn = today, talkedBy = "陈志明（支部书记）、何丽娟（委员）", outcome = "本人认识到不足，承诺按时参加组织生活并主动联系群众。" });
        var twice = await secretary.PostAsJsonAsync($"/organisational-talks/{id}/record", new { heldOn = today, talkedBy = "陈志明", outcome = "再次登记" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var body = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Held", "hefeng-secretary"), (body.GetProperty("status").GetString(), body.GetProperty("recordedBy").GetString()));
        Assert.Equal("organisational-talk.already-held", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var published = await held.ReceivedAsync(e => e.TalkId == id, because: "OrganisationalTalkHeld should reach a subscriber");
        Assert.Equal((member, 2025, today), (published.MemberId, published.Year, published.HeldOn));
        var trail = await api.CreateClient().GetFromJsonAsync<JsonElement>("/audit-trail?actor=hefeng-secretary");
        Assert.Contains(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("route").GetString() == "/organisational-talks/{id:guid}/record");
    }

    [Fact]
    public async Task An_overdue_talk_is_listed_as_overdue_and_reminded_once()
    {
        var village = await VillageAsync("岑岗");
        var member = await api.RegisterMemberAsync(village.Branch, "黄德胜");
        await using var assessment = await AssessmentNews.StartAsync(api.Infrastructure);
        await using var overdue = await EventListener<OrganisationalTalkOverdue>.StartAsync(api.Infrastructure);
        var today = TownCalendar.DateOf(DateTimeOffset.UtcNow);
        var talk = await TalkOfAsync(assessment, Required(member, 2025, today.AddDays(-2), village.Village), village.Village);
        var id = talk.GetProperty("id").GetGuid();
        using var client = api.CreateClient();

        var late = await client.GetFromJsonAsync<JsonElement>($"/organisational-talks?organisationId={village.Village}&overdue=true");
        await RunCheckAsync();
        await RunCheckAsync();

        Assert.Equal(id, Assert.Single(late.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var reminder = await overdue.ReceivedAsync(e => e.TalkId == id, because: "OrganisationalTalkOverdue should reach a subscriber");
        Assert.Equal((member, today.AddDays(-2), village.Branch), (reminder.MemberId, reminder.DueOn, reminder.OrganisationId));
        await Eventually.MatchAsync(() => api.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()), n => n == 0, because: "everything published");
        await Task.Delay(500);
        Assert.Single(overdue.Received, e => e.TalkId == id);
        Assert.NotNull((await client.GetFromJsonAsync<JsonElement>($"/organisational-talks/{id}")).GetProperty("reminderSentAt").GetString());
    }

    private async Task RunCheckAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OrganisationalTalkOverdueCheck>().RunAsync(CancellationToken.None);
    }
}
