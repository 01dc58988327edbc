using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Features.Closing;
using Lishui.Assessment.Features.Objections;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Tests.Api;

/// <summary>One class per clock: tests here move the service's clock past the window.</summary>
public sealed class ObjectionApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>, IDisposable
{
    public void Dispose() => api.Clock.Reset();

    private async Task<(Guid Scheme, Guid[] Members, NoticeSummaryResponse Notice)> PublishedAsync()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var ids = await api.RegisterMembersAsync(organisation, "罗家辉", "吴丽萍");
        foreach (var (dimension, points) in new[] { ("daily-conduct", 20m), ("village-work", 20m), ("organisational-life", 20m), ("volunteer-service", 20m), ("visiting-residents", 8m) })
        {
            (await api.EnterAsync(scheme, ids[0], dimension, points)).EnsureSuccessStatusCode(); // 88: Qualified
        }

        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync($"/schemes/{scheme}/close", new { });
        return (scheme, ids, (await response.Content.ReadFromJsonAsync<NoticeSummaryResponse>(AssessmentApiFactory.Json))!);
    }

    private async Task<ObjectionResponse> FileAsync(Guid notice, object body)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync($"/notices/{notice}/objections", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ObjectionResponse>(AssessmentApiFactory.Json))!;
    }

    [Fact]
    public async Task An_upheld_objection_corrects_the_ledger_and_the_published_result_is_computed_again()
    {
        var (scheme, ids, notice) = await PublishedAsync();
        var objection = await FileAsync(notice.Id, new { text = "罗家辉今年带队走访高边经济社 30 余户，走访分偏低。", concerning = "罗家辉" });
        using var client = api.CreateClient();

        var answer = await client.PostAsJsonAsync($"/notices/{notice.Id}/objections/{objection.Id}/answer", new
        {
            answer = "经核实，漏记走访 4 次，予以更正。",
            upheld = true,
            answeredBy = "鹤峰村党委书记",
            correction = new { subjectId = ids[0], dimension = "visiting-residents", points = 4, reason = "异议核实：漏记走访" },
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var answered = (await answer.Content.ReadFromJsonAsync<ObjectionResponse>(AssessmentApiFactory.Json))!;
        Assert.True(answered.Upheld);
        Assert.True(objection.Anonymous);
        var result = await api.WithDbAsync(db => db.Results.SingleAsync(r => r.SchemeId == scheme && r.SubjectId == ids[0]));
        Assert.Equal((92m, Grade.Excellent), (result.Total, result.Grade));
        var correction = await api.WithDbAsync(db => db.LedgerEntries.SingleAsync(e => e.Id == answered.CorrectionEntryId));
        Assert.Equal((EntrySource.ObjectionCorrection, 4m), (correction.Source, correction.Points));
        var published = await client.GetFromJsonAsync<JsonElement>($"/notices/{notice.Id}");
        Assert.Equal("Excellent", published.GetProperty("results").GetProperty("items")[0].GetProperty("grade").GetString());
        var awarded = (await api.OutboxAsync(scheme)).Last();
        Assert.Equal("urn:message:lishui:assessment:points-awarded:v1", awarded.MessageUrn);
        Assert.Equal("ObjectionCorrection", JsonDocument.Parse(awarded.Payload).RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task An_objection_not_upheld_changes_nothing_and_is_answered_only_once()
    {
        var (scheme, _, notice) = await PublishedAsync();
        var objection = await FileAsync(notice.Id, new { text = "对吴丽萍的等次有疑问。", filedBy = "黄伯", contact = "高边经济社" });
        using var client = api.CreateClient();
        var body = new { answer = "经核实，积分记录无误。", upheld = false, answeredBy = "鹤峰村党委书记" };

        var first = await client.PostAsJsonAsync($"/notices/{notice.Id}/objections/{objection.Id}/answer", body);
        var second = await client.PostAsJsonAsync($"/notices/{notice.Id}/objections/{objection.Id}/answer", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(objection.Anonymous);
        await ApiAssert.ProblemAsync(second, HttpStatusCode.UnprocessableEntity, "objection.already-answered");
        Assert.Equal(5, await api.WithDbAsync(db => db.LedgerEntries.CountAsync(e => e.SchemeId == scheme)));
    }

    [Fact]
    public async Task An_objection_after_the_window_is_refused_and_not_recorded()
    {
        var (_, _, notice) = await PublishedAsync();
        api.Clock.Advance(TimeSpan.FromDays(10)); // five working days are at most nine calendar days without holidays
        using var client = api.CreateClient();

        var late = await client.PostAsJsonAsync($"/notices/{notice.Id}/objections", new { text = "迟到的异议" });

        await ApiAssert.ProblemAsync(late, HttpStatusCode.UnprocessableEntity, "objection.window-closed");
        Assert.Equal(0, await api.WithDbAsync(db => db.Objections.CountAsync(o => o.NoticeId == notice.Id)));
    }

    [Fact]
    public async Task A_correction_for_someone_not_on_the_notice_is_refused_and_the_objection_stays_unanswered()
    {
        var (scheme, _, notice) = await PublishedAsync();
        var objection = await FileAsync(notice.Id, new { text = "有异议" });
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync($"/notices/{notice.Id}/objections/{objection.Id}/answer", new
        {
            answer = "更正", upheld = true, answeredBy = "鹤峰村党委书记",
            correction = new { subjectId = Guid.NewGuid(), dimension = "daily-conduct", points = 2, reason = "更正" },
        });

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "objection.subject-not-in-notice", "correction.subjectId");
        Assert.Null(await api.WithDbAsync(db => db.Objections.Where(o => o.Id == objection.Id).Select(o => o.AnsweredAt).SingleAsync()));
        Assert.Equal(5, await api.WithDbAsync(db => db.LedgerEntries.CountAsync(e => e.SchemeId == scheme)));
    }
}
