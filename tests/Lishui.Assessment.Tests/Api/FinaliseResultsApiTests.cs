using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Features.Closing;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;

namespace Lishui.Assessment.Tests.Api;

/// <summary>One class per clock: tests here move the service's clock past publication windows.</summary>
public sealed class FinaliseResultsApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>, IDisposable
{
    private static readonly TimeSpan PastTheWindow = TimeSpan.FromDays(10); // five working days are at most nine calendar days

    public void Dispose() => api.Clock.Reset();

    private async Task<NoticeSummaryResponse> CloseAsync(Guid scheme)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync($"/schemes/{scheme}/close", new { });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<NoticeSummaryResponse>(AssessmentApiFactory.Json))!;
    }

    private async Task<HttpResponseMessage> FinaliseAsync(Guid notice)
    {
        using var client = api.CreateClient();
        return await client.PostAsync($"/notices/{notice}/finalise", null);
    }

    private static IEnumerable<(string Urn, JsonElement Payload)> Events(IEnumerable<OutboxMessage> outbox) =>
        outbox.Select(m => (m.MessageUrn.Replace("urn:message:lishui:assessment:", string.Empty, StringComparison.Ordinal), JsonDocument.Parse(m.Payload).RootElement));

    [Fact]
    public async Task Results_become_final_only_after_the_window_with_every_objection_answered_and_then_their_consequences_go_out()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var ids = await api.RegisterMembersAsync(organisation, "区志坚", "麦丽华");
        foreach (var dimension in new[] { "daily-conduct", "village-work", "organisational-life", "volunteer-service", "visiting-residents" })
        {
            (await api.EnterAsync(scheme, ids[0], dimension, 19)).EnsureSuccessStatusCode(); // 95: Excellent
        }

        var notice = await CloseAsync(scheme); // 麦丽华 has nothing: Unqualified
        using var client = api.CreateClient();
        var objection = (await (await client.PostAsJsonAsync($"/notices/{notice.Id}/objections", new { text = "请核实麦丽华的志愿服务记录" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var duringWindow = await FinaliseAsync(notice.Id);
        api.Clock.Advance(PastTheWindow);
        var unanswered = await FinaliseAsync(notice.Id);
        (await client.PostAsJsonAsync($"/notices/{notice.Id}/objections/{objection}/answer",
            new { answer = "经核实，本年度无志愿服务记录。", upheld = false, answeredBy = "鹤峰村党委书记" })).EnsureSuccessStatusCode();
        var final = await FinaliseAsync(notice.Id);
        var again = await FinaliseAsync(notice.Id);

        await ApiAssert.ProblemAsync(duringWindow, HttpStatusCode.UnprocessableEntity, "notice.window-open");
        await ApiAssert.ProblemAsync(unanswered, HttpStatusCode.UnprocessableEntity, "notice.objections-unanswered");
        Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        await ApiAssert.ProblemAsync(again, HttpStatusCode.UnprocessableEntity, "notice.already-final");

        var events = Events(await api.OutboxAsync(scheme)).Where(e => !e.Urn.StartsWith("points", StringComparison.Ordinal) && !e.Urn.StartsWith("assessment-notice", StringComparison.Ordinal)).ToList();
        Assert.Equal(["member-commended:v1", "organisational-talk-required:v1"], events.Select(e => e.Urn).Order());
        var commended = events.Single(e => e.Urn == "member-commended:v1").Payload;
        Assert.Equal(ids[0], commended.GetProperty("memberId").GetGuid());
        var talk = events.Single(e => e.Urn == "organisational-talk-required:v1").Payload;
        Assert.Equal(ids[1], talk.GetProperty("memberId").GetGuid());
        Assert.Equal(api.Clock.Today().AddDays(30), DateOnly.Parse(talk.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_member_unqualified_two_final_years_in_a_row_is_reported_for_withdrawal_advice()
    {
        var organisation = Guid.NewGuid();
        var ids = await api.RegisterMembersAsync(organisation, "谭某", "简某");
        var lastYear = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation, year: 2025));
        var thisYear = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation, year: 2026));
        foreach (var dimension in new[] { "daily-conduct", "village-work", "organisational-life", "volunteer-service" })
        {
            (await api.EnterAsync(thisYear, ids[1], dimension, 20)).EnsureSuccessStatusCode(); // 简某 recovers to 80 this year
        }

        var lastNotice = await CloseAsync(lastYear); // both Unqualified in 2025
        api.Clock.Advance(PastTheWindow);
        (await FinaliseAsync(lastNotice.Id)).EnsureSuccessStatusCode();
        var thisNotice = await CloseAsync(thisYear); // 谭某 Unqualified again
        api.Clock.Advance(PastTheWindow);
        var final = await FinaliseAsync(thisNotice.Id);

        Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        var summary = (await final.Content.ReadFromJsonAsync<FinalisedResponse>(AssessmentApiFactory.Json))!;
        Assert.Equal(1, summary.UnqualifiedConsecutively);
        var consecutive = Assert.Single(Events(await api.OutboxAsync(thisYear)), e => e.Urn == "member-unqualified-consecutively:v1").Payload;
        Assert.Equal(ids[0], consecutive.GetProperty("memberId").GetGuid());
        Assert.Equal((2025, 2026), (consecutive.GetProperty("previousYear").GetInt32(), consecutive.GetProperty("year").GetInt32()));
        Assert.DoesNotContain(Events(await api.OutboxAsync(lastYear)), e => e.Urn == "member-unqualified-consecutively:v1");
    }
}
