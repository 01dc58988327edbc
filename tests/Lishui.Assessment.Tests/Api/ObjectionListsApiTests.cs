using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Features.Closing;
using Lishui.Shared.Domain;
using Lishui.Testing;

namespace Lishui.Assessment.Tests.Api;

/// <summary>
/// Reading a notice's objections: residents see what was objected to and how it was answered, never who
/// objected; the secretaries who answer see the objector's contact where one was given.
/// </summary>
public sealed class ObjectionListsApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>
{
    private const string Contact = "13800000000";

    /// <summary>
    /// Hefeng (with a branch below it) and Zhoucun; Hefeng's notice has two objections, the first named with a
    /// contact and answered, the second anonymous and unanswered.
    /// </summary>
    private async Task<(Guid Village, Guid Branch, Guid Zhoucun, Guid Notice, Guid Named, Guid Anonymous)> ObjectedAsync()
    {
        var town = await api.CreateOrganisationAsync(null, "里水镇党委", "PartyCommittee");
        var village = await api.CreateOrganisationAsync(town, "鹤峰村党委", "PartyCommittee");
        var branch = await api.CreateOrganisationAsync(village, "鹤峰村第一党支部");
        var zhoucun = await api.CreateOrganisationAsync(town, "周村党委", "PartyCommittee");
        await api.RegisterMembersAsync(village, "罗家辉");
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(village));
        using var client = api.CreateClient();
        var closed = await client.PostAsJsonAsync($"/schemes/{scheme}/close", new { });
        var notice = (await closed.Content.ReadFromJsonAsync<NoticeSummaryResponse>(AssessmentApiFactory.Json))!.Id;

        using var anonymous = api.ClientWith(null);
        async Task<Guid> FileAsync(object body)
        {
            var response = await anonymous.PostAsJsonAsync($"/notices/{notice}/objections", body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        var named = await FileAsync(new { text = "罗家辉今年带队走访高边经济社 30 余户，走访分偏低。", concerning = "罗家辉", filedBy = "黄伯", contact = Contact });
        var unnamed = await FileAsync(new { text = "请公布评分细则。" });
        (await client.PostAsJsonAsync($"/notices/{notice}/objections/{named}/answer",
            new { answer = "经核实，走访记录无误，不予更正。", upheld = false, answeredBy = "鹤峰村党委书记" })).EnsureSuccessStatusCode();
        return (village, branch, zhoucun, notice, named, unnamed);
    }

    [Fact]
    public async Task Residents_read_each_objections_gist_and_answer_but_never_who_objected()
    {
        var world = await ObjectedAsync();
        using var anonymous = api.ClientWith(null);

        var response = await anonymous.GetAsync($"/public/notices/{world.Notice}/objections");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([world.Named, world.Anonymous], items.Select(o => o.GetProperty("id").GetGuid()));
        Assert.All(items, o => Assert.Equal(["id", "filedOn", "gist", "answered", "answer", "answeredOn", "upheld"], o.EnumerateObject().Select(p => p.Name)));
        var today = TownCalendar.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var answered = items[0];
        Assert.Equal(("罗家辉今年带队走访高边经济社 30 余户，走访分偏低。", today), (answered.GetProperty("gist").GetString(), answered.GetProperty("filedOn").GetString()));
        Assert.True(answered.GetProperty("answered").GetBoolean());
        Assert.Equal(("经核实，走访记录无误，不予更正。", today), (answered.GetProperty("answer").GetString(), answered.GetProperty("answeredOn").GetString()));
        Assert.False(answered.GetProperty("upheld").GetBoolean());
        var waiting = items[1];
        Assert.False(waiting.GetProperty("answered").GetBoolean());
        Assert.Equal([JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null],
            new[] { "answer", "answeredOn", "upheld" }.Select(p => waiting.GetProperty(p).ValueKind));
        var raw = page.GetRawText();
        Assert.DoesNotContain("黄伯", raw, StringComparison.Ordinal);
        Assert.DoesNotContain(Contact, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("鹤峰村党委书记", raw, StringComparison.Ordinal); // who answered is the secretaries' business, not the board's
    }

    [Fact]
    public async Task The_public_list_pages_and_says_in_Chinese_when_the_notice_does_not_exist()
    {
        var world = await ObjectedAsync();
        using var anonymous = api.ClientWith(null);

        var second = await anonymous.GetFromJsonAsync<JsonElement>($"/public/notices/{world.Notice}/objections?page=2&pageSize=1");
        var unknown = await anonymous.GetAsync($"/public/notices/{Guid.NewGuid()}/objections");
        var malformed = await anonymous.GetAsync($"/public/notices/{world.Notice}/objections?page=first");

        Assert.Equal((2, 2, 1), (second.GetProperty("total").GetInt32(), second.GetProperty("pageNumber").GetInt32(), second.GetProperty("pageSize").GetInt32()));
        Assert.Equal(world.Anonymous, Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var problem = await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("未找到该公示。", problem.GetProperty("title").GetString());
        await ApiAssert.ProblemAsync(malformed, HttpStatusCode.BadRequest, "query.out-of-range", "page");
    }

    [Fact]
    public async Task The_villages_secretary_reads_the_whole_objection_with_the_contact_only_where_one_was_given()
    {
        var world = await ObjectedAsync();
        using var secretary = api.ClientWith(TestTokens.Secretary(world.Village, "hefeng-secretary"));

        var response = await secretary.GetAsync($"/notices/{world.Notice}/objections");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([world.Named, world.Anonymous], items.Select(o => o.GetProperty("id").GetGuid()));
        Assert.All(items, o => Assert.Equal(
            ["id", "concerning", "text", "contact", "filedAt", "answerBy", "answered", "answer", "upheld", "answeredBy", "answeredAt", "correctionEntryId"],
            o.EnumerateObject().Select(p => p.Name)));
        var named = items[0];
        Assert.Equal(("罗家辉", Contact), (named.GetProperty("concerning").GetString(), named.GetProperty("contact").GetString()));
        Assert.Equal("罗家辉今年带队走访高边经济社 30 余户，走访分偏低。", named.GetProperty("text").GetString());
        Assert.Equal(("鹤峰村党委书记", false), (named.GetProperty("answeredBy").GetString(), named.GetProperty("upheld").GetBoolean()));
        var unnamed = items[1];
        Assert.Equal(JsonValueKind.Null, unnamed.GetProperty("contact").ValueKind);
        Assert.False(unnamed.GetProperty("answered").GetBoolean());
        Assert.True(DateOnly.Parse(unnamed.GetProperty("answerBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TownCalendar.DateOf(DateTimeOffset.UtcNow));
        Assert.DoesNotContain("黄伯", page.GetRawText(), StringComparison.Ordinal); // the contact is what answering needs, not the name
    }

    [Fact]
    public async Task Only_the_town_auditors_and_secretaries_of_the_notices_organisation_or_above_read_objections_with_contacts()
    {
        var world = await ObjectedAsync();
        var path = $"/notices/{world.Notice}/objections";

        async Task<HttpStatusCode> StatusAsync(string? token)
        {
            using var client = api.ClientWith(token);
            return (await client.GetAsync(path)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(null));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(TestTokens.Secretary(world.Zhoucun, "zhoucun-secretary")));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(TestTokens.Secretary(world.Branch, "branch-secretary"))); // below the notice's organisation
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(TestTokens.Member(Guid.NewGuid(), "member")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(TestTokens.Auditor("auditor-zhou")));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(TestTokens.TownAdministrator("town-admin")));
        using var admin = api.CreateClient();
        var unknown = await admin.GetAsync($"/notices/{Guid.NewGuid()}/objections");
        Assert.Equal("未找到该公示。", (await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound, "not-found")).GetProperty("title").GetString());
    }
}
