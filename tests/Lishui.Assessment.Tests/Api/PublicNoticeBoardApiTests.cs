using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Features.Closing;

namespace Lishui.Assessment.Tests.Api;

/// <summary>
/// The public notice board (公示栏) a portal shows without login: which notices there are and where each
/// stands. One class per clock: tests here move the service's clock past publication windows.
/// </summary>
public sealed class PublicNoticeBoardApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>, IDisposable
{
    private static readonly TimeSpan PastTheWindow = TimeSpan.FromDays(10); // five working days are at most nine calendar days

    public void Dispose() => api.Clock.Reset();

    /// <summary>Hefeng's village committee with a branch below it, each with a member; nothing published yet.</summary>
    private async Task<(Guid Village, Guid Branch)> HefengAsync()
    {
        var town = await api.CreateOrganisationAsync(null, "里水镇党委", "PartyCommittee");
        var village = await api.CreateOrganisationAsync(town, "鹤峰村党委", "PartyCommittee");
        var branch = await api.CreateOrganisationAsync(village, "鹤峰村第一党支部");
        await api.RegisterMembersAsync(village, "罗家辉");
        await api.RegisterMembersAsync(branch, "吴丽萍");
        return (village, branch);
    }

    private async Task<NoticeSummaryResponse> PublishAsync(Guid organisation, int year)
    {
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation, year));
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync($"/schemes/{scheme}/close", new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<NoticeSummaryResponse>(AssessmentApiFactory.Json))!;
    }

    private async Task<Guid> ObjectAsync(Guid notice, string text, string? filedBy = null, string? contact = null)
    {
        using var anonymous = api.ClientWith(null);
        var response = await anonymous.PostAsJsonAsync($"/notices/{notice}/objections", new { text, filedBy, contact });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task AnswerAsync(Guid notice, Guid objection, string answer, bool upheld = false)
    {
        using var client = api.CreateClient();
        (await client.PostAsJsonAsync($"/notices/{notice}/objections/{objection}/answer", new { answer, upheld, answeredBy = "鹤峰村党委书记" }))
            .EnsureSuccessStatusCode();
    }

    private async Task<List<JsonElement>> BoardAsync(string query)
    {
        using var anonymous = api.ClientWith(null);
        var response = await anonymous.GetAsync("/public/notices?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task The_board_lists_a_villages_notices_and_its_branches_newest_first_with_their_objections_counted()
    {
        var (village, branch) = await HefengAsync();
        var older = await PublishAsync(village, 2025);
        var newer = await PublishAsync(branch, 2026);
        await PublishAsync(await api.CreateOrganisationAsync(null, "周村党委", "PartyCommittee"), 2026); // another village's: not on Hefeng's board
        var answered = await ObjectAsync(older.Id, "请核实罗家辉的志愿服务记录。");
        await ObjectAsync(older.Id, "请公布评分细则。");
        await AnswerAsync(older.Id, answered, "经核实，记录无误。");

        var board = await BoardAsync($"organisationId={village}");

        Assert.Equal([newer.Id, older.Id], board.Select(n => n.GetProperty("id").GetGuid()));
        Assert.Equal(
            ["id", "year", "organisationId", "organisationName", "topic", "topicLabel", "windowOpensOn", "windowClosesOn",
             "state", "stateLabel", "subjectCount", "objectionCount", "answeredObjectionCount"],
            board[1].EnumerateObject().Select(p => p.Name));
        var notice = board[1];
        Assert.Equal((2025, village, "鹤峰村党委"), (notice.GetProperty("year").GetInt32(), notice.GetProperty("organisationId").GetGuid(), notice.GetProperty("organisationName").GetString()));
        Assert.Equal(("MemberPoints", "党员量化积分考核"), (notice.GetProperty("topic").GetString(), notice.GetProperty("topicLabel").GetString()));
        Assert.Equal(older.WindowOpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), notice.GetProperty("windowOpensOn").GetString());
        Assert.Equal(older.WindowClosesOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), notice.GetProperty("windowClosesOn").GetString());
        Assert.Equal(("open", "公示中"), (notice.GetProperty("state").GetString(), notice.GetProperty("stateLabel").GetString()));
        Assert.Equal((older.SubjectCount, 2, 1), (notice.GetProperty("subjectCount").GetInt32(), notice.GetProperty("objectionCount").GetInt32(), notice.GetProperty("answeredObjectionCount").GetInt32()));
        Assert.Equal(("鹤峰村第一党支部", 0), (board[0].GetProperty("organisationName").GetString(), board[0].GetProperty("objectionCount").GetInt32()));

        Assert.Equal([newer.Id], (await BoardAsync($"organisationId={branch}")).Select(n => n.GetProperty("id").GetGuid()));
        Assert.Equal([older.Id], (await BoardAsync($"organisationId={village}&year=2025")).Select(n => n.GetProperty("id").GetGuid()));
        Assert.Empty(await BoardAsync($"organisationId={Guid.NewGuid()}"));
    }

    [Fact]
    public async Task A_notice_is_open_during_its_window_then_closed_and_final_once_the_secretary_confirms_the_results()
    {
        var (village, _) = await HefengAsync();
        var confirmed = await PublishAsync(village, 2025);
        var waiting = await PublishAsync(village, 2026);
        var objection = await ObjectAsync(confirmed.Id, "请核实吴丽萍的出勤记录。");
        var during = await BoardAsync($"organisationId={village}");

        api.Clock.Advance(PastTheWindow);
        var after = await BoardAsync($"organisationId={village}");
        await AnswerAsync(confirmed.Id, objection, "经核实，出勤记录无误。");
        using var client = api.CreateClient();
        (await client.PostAsync($"/notices/{confirmed.Id}/finalise", null)).EnsureSuccessStatusCode();
        var final = await BoardAsync($"organisationId={village}");

        static IEnumerable<(string?, string?)> States(IEnumerable<JsonElement> board) =>
            board.Select(n => (n.GetProperty("state").GetString(), n.GetProperty("stateLabel").GetString()));
        Assert.Equal([("open", "公示中"), ("open", "公示中")], States(during));
        Assert.Equal([("closed", "公示期满"), ("closed", "公示期满")], States(after));
        Assert.Equal([("closed", "公示期满"), ("final", "已确认")], States(final));
        Assert.Equal([confirmed.Id], (await BoardAsync($"organisationId={village}&state=final")).Select(n => n.GetProperty("id").GetGuid()));
        Assert.Equal([waiting.Id], (await BoardAsync($"organisationId={village}&state=closed")).Select(n => n.GetProperty("id").GetGuid()));
        Assert.Empty(await BoardAsync($"organisationId={village}&state=open"));

        // The notice's own page says the same.
        static async Task<(string?, string?)> StateOf(HttpClient client, Guid id) =>
            await client.GetFromJsonAsync<JsonElement>($"/notices/{id}") is var n ? (n.GetProperty("state").GetString(), n.GetProperty("stateLabel").GetString()) : default;
        Assert.Equal(("final", "已确认"), await StateOf(client, confirmed.Id));
        Assert.Equal(("closed", "公示期满"), await StateOf(client, waiting.Id));
    }

    [Fact]
    public async Task Malformed_filters_are_refused_in_Chinese_naming_each_field()
    {
        using var anonymous = api.ClientWith(null);

        var response = await anonymous.GetAsync("/public/notices?year=twenty&organisationId=hefeng&state=pending&page=0&pageSize=500");

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("请求内容有误，请检查各字段。", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["organisationId", "page", "pageSize", "state", "year"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal("公示状态应为 open、closed、final 之一。", errors.GetProperty("state")[0].GetString());
        Assert.Equal("年度应为 2000 至 2100 之间的整数。", errors.GetProperty("year")[0].GetString());
        Assert.Equal("每页条数应为 1 至 200 之间的整数。", errors.GetProperty("pageSize")[0].GetString());
    }
}
