using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lishui.Assessment.Features.Closing;
using Lishui.Shared.Domain;

namespace Lishui.Assessment.Tests.Api;

/// <summary>The published list as open data, and what an objection tells the rest of the platform.</summary>
public sealed class OpenDataApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>
{
    private async Task<(Guid Scheme, Guid[] Members, NoticeSummaryResponse Notice)> PublishedAsync()
    {
        var organisation = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        var ids = await api.RegisterMembersAsync(organisation, "冯少华", "=卢秀英");
        foreach (var (dimension, points) in new[] { ("daily-conduct", 20m), ("village-work", 19.5m), ("organisational-life", 20m), ("volunteer-service", 16m) })
        {
            (await api.EnterAsync(scheme, ids[0], dimension, points)).EnsureSuccessStatusCode(); // 75.5 Qualified
        }

        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync($"/schemes/{scheme}/close", new { });
        return (scheme, ids, (await response.Content.ReadFromJsonAsync<NoticeSummaryResponse>(AssessmentApiFactory.Json))!);
    }

    [Fact]
    public async Task The_CSV_export_is_UTF8_with_a_BOM_Chinese_headers_and_only_names_grades_and_scores()
    {
        var (_, ids, notice) = await PublishedAsync();
        using var anonymous = api.CreateClient();

        var response = await anonymous.GetAsync($"/notices/{notice.Id}/results.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("姓名,等次,总分,日常行为规范（满分20）,配合村组开展工作（满分20）,参加组织生活（满分20）,党员志愿服务（满分20）,走访联系群众（满分20）", lines[0]);
        Assert.Equal("冯少华,合格,75.5,20,19.5,20,16,0", lines[1]);
        Assert.Equal("'=卢秀英,不合格,0,0,0,0,0,0", lines[2]); // a name is never run as a spreadsheet formula
        Assert.Equal(3, lines.Length);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.All(ids, id => Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_JSON_export_lists_every_result_with_name_grade_total_and_scores_only()
    {
        var (_, ids, notice) = await PublishedAsync();
        using var anonymous = api.CreateClient();

        var body = await anonymous.GetFromJsonAsync<JsonElement>($"/notices/{notice.Id}/results.json");

        Assert.Equal(["id", "year", "organisationName", "subjectType", "topic", "windowOpensOn", "windowClosesOn", "final", "dimensions", "results"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("鹤峰村党委", body.GetProperty("organisationName").GetString());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["冯少华", "=卢秀英"], results.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal([("Qualified", "合格"), ("Unqualified", "不合格")], results.Select(r => (r.GetProperty("grade").GetString(), r.GetProperty("gradeLabel").GetString())));
        Assert.All(results, r => Assert.Equal(["name", "grade", "gradeLabel", "total", "scores"], r.EnumerateObject().Select(p => p.Name)));
        Assert.All(ids, id => Assert.DoesNotContain(id.ToString(), body.GetRawText(), StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/notices/{Guid.NewGuid()}/results.csv")).StatusCode);
    }

    [Fact]
    public async Task Filing_an_objection_queues_ObjectionFiled_with_its_id_text_and_member_but_not_the_filer()
    {
        var (_, ids, notice) = await PublishedAsync();
        using var client = api.CreateClient();

        var named = await client.PostAsJsonAsync($"/notices/{notice.Id}/objections", new { text = "冯少华的志愿服务分偏高", concerning = "冯少华", filedBy = "黄伯", contact = "13800000000" });
        var anonymous = await client.PostAsJsonAsync($"/notices/{notice.Id}/objections", new { text = "请公布评分细则" });

        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        Assert.Equal(HttpStatusCode.Created, anonymous.StatusCode);
        var events = (await api.OutboxAsync(notice.Id)).Select(m => (m.MessageUrn, Payload: JsonDocument.Parse(m.Payload).RootElement)).ToList();
        Assert.All(events, e => Assert.Equal("urn:message:lishui:assessment:objection-filed:v1", e.MessageUrn));
        Assert.Equal([1L, 2L], events.Select(e => e.Payload.GetProperty("sequence").GetInt64()));
        Assert.Equal(ids[0], events[0].Payload.GetProperty("memberId").GetGuid());
        Assert.Equal(JsonValueKind.Null, events[1].Payload.GetProperty("memberId").ValueKind);
        Assert.True(DateOnly.Parse(events[0].Payload.GetProperty("answerBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TownCalendar.DateOf(DateTimeOffset.UtcNow));
        var filed = await named.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(filed.GetProperty("id").GetGuid(), events[0].Payload.GetProperty("objectionId").GetGuid());
        Assert.Equal(["冯少华的志愿服务分偏高", "请公布评分细则"], events.Select(e => e.Payload.GetProperty("text").GetString()));
        var raw = events[0].Payload.GetRawText();
        Assert.DoesNotContain("黄伯", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", raw, StringComparison.Ordinal);
    }
}
