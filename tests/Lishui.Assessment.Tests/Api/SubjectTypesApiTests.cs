using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Features.Closing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Tests.Api;

/// <summary>Households and organisations go through the same schemes, ledger, close and notice as members.</summary>
public sealed class SubjectTypesApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>, IDisposable
{
    public void Dispose() => api.Clock.Reset();

    private async Task<NoticeSummaryResponse> CloseAsync(Guid scheme)
    {
        using var client = api.CreateClient();
        var response = await client.PostAsJsonAsync($"/schemes/{scheme}/close", new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<NoticeSummaryResponse>(AssessmentApiFactory.Json))!;
    }

    private async Task EnterAsync(Guid scheme, Guid subject, params decimal[] points)
    {
        for (var i = 0; i < points.Length; i++)
        {
            var response = await api.EnterAsync(scheme, subject, $"d{i + 1}", points[i], "评议");
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Five_good_households_of_a_village_are_scored_closed_and_published_under_the_heads_names_without_member_consequences()
    {
        var village = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var gaobian = await api.CreateOrganisationAsync(village, "高边党群小组", "PartyMassGroup", "高边经济社");
        var households = await api.RegisterHouseholdsAsync(gaobian, "高边经济社", "黄永康", "冯德华", "何少芳");
        var elsewhere = await api.RegisterHouseholdsAsync(await api.CreateOrganisationAsync(null, "洲村党委", "PartyCommittee"), "东方经济社", "外村户");
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.QuarterScheme(village, "Household", null, "爱国守法", "家庭和睦", "邻里互助", "环境卫生"));

        await EnterAsync(scheme, households[0], 25, 25, 24, 25); // 99 Excellent
        await EnterAsync(scheme, households[1], 20, 20, 18, 17); // 75 Qualified
        var outsider = await api.EnterAsync(scheme, elsewhere[0], "d1", 10, "评议");
        var notice = await CloseAsync(scheme);

        await ApiAssert.ProblemAsync(outsider, HttpStatusCode.BadRequest, "ledger.subject-unknown", "subjectId");
        Assert.Equal(3, notice.SubjectCount);
        using var client = api.CreateClient();
        var published = await client.GetFromJsonAsync<JsonElement>($"/notices/{notice.Id}");
        var items = published.GetProperty("results").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([("黄永康", "Excellent"), ("冯德华", "Qualified"), ("何少芳", "Unqualified")],
            items.Select(i => (i.GetProperty("name").GetString(), i.GetProperty("grade").GetString())));

        api.Clock.Advance(TimeSpan.FromDays(10));
        var final = await client.PostAsync($"/notices/{notice.Id}/finalise", null);
        var summary = (await final.Content.ReadFromJsonAsync<FinalisedResponse>(AssessmentApiFactory.Json))!;
        Assert.Equal((0, 0, 0), (summary.Commended, summary.TalksRequired, summary.UnqualifiedConsecutively));
        Assert.DoesNotContain(await api.OutboxAsync(scheme), m => m.MessageUrn.Contains("member-", StringComparison.Ordinal) || m.MessageUrn.Contains("talk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_village_scores_its_cooperatives_for_safety_production_and_environmental_remediation_separately()
    {
        var village = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var branch = await api.CreateOrganisationAsync(village, "鹤峰村党支部");
        var gaobian = await api.CreateOrganisationAsync(branch, "高边党群小组", "PartyMassGroup", "高边经济社");
        var cengang = await api.CreateOrganisationAsync(branch, "岑岗党群小组", "PartyMassGroup", "岑岗经济社");
        var safety = await api.CreateSchemeAsync(AssessmentApiFactory.QuarterScheme(village, "EconomicCooperative", "SafetyProduction", "消防", "用电", "生产经营", "隐患整改"));
        var environment = await api.CreateSchemeAsync(AssessmentApiFactory.QuarterScheme(village, "EconomicCooperative", "EnvironmentalRemediation", "垃圾分类", "河涌", "违建", "绿化"));

        await EnterAsync(safety, gaobian, 25, 25, 20, 22); // 92
        await EnterAsync(safety, cengang, 15, 15, 15, 15); // 60
        await EnterAsync(environment, cengang, 20, 20, 20, 20); // 80
        var notice = await CloseAsync(safety);

        var results = await api.WithDbAsync(db => db.Results.Where(r => r.SchemeId == safety).OrderBy(r => r.Rank).ToListAsync());
        Assert.Equal([("高边经济社", 92m, Grade.Excellent), ("岑岗经济社", 60m, Grade.BasicallyQualified)], results.Select(r => (r.Name, r.Total, r.Grade)));
        Assert.Equal(2, notice.SubjectCount);
        var standings = await api.CreateClient().GetFromJsonAsync<JsonElement>($"/schemes/{environment}/standings");
        Assert.Equal(80m, standings.GetProperty("items")[0].GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task A_village_scheme_needs_a_topic_that_fits_and_a_second_scheme_of_the_same_topic_is_refused()
    {
        var town = await api.CreateOrganisationAsync(null, "里水镇党委", "PartyCommittee");
        using var client = api.CreateClient();

        var noTopic = await client.PostAsJsonAsync("/schemes", AssessmentApiFactory.QuarterScheme(town, "Village", null, "a", "b", "c", "d"));
        var wrongTopic = await client.PostAsJsonAsync("/schemes", AssessmentApiFactory.QuarterScheme(town, "Village", "FiveGoodHousehold", "a", "b", "c", "d"));
        var safety = await client.PostAsJsonAsync("/schemes", AssessmentApiFactory.QuarterScheme(town, "Village", "SafetyProduction", "a", "b", "c", "d"));
        var again = await client.PostAsJsonAsync("/schemes", AssessmentApiFactory.QuarterScheme(town, "Village", "SafetyProduction", "a", "b", "c", "d"));

        await ApiAssert.ProblemAsync(noTopic, HttpStatusCode.UnprocessableEntity, "scheme.topic-invalid", "topic");
        await ApiAssert.ProblemAsync(wrongTopic, HttpStatusCode.UnprocessableEntity, "scheme.topic-invalid", "topic");
        Assert.Equal(HttpStatusCode.Created, safety.StatusCode);
        await ApiAssert.ProblemAsync(again, HttpStatusCode.BadRequest, "scheme.exists", "year");
        Assert.Equal(1, await api.WithDbAsync(db => db.Schemes.CountAsync(s => s.OrganisationId == town)));
    }

    [Fact]
    public async Task A_town_scores_its_villages_and_not_itself_or_its_branches()
    {
        var town = await api.CreateOrganisationAsync(null, "里水镇党委", "PartyCommittee");
        var hefeng = await api.CreateOrganisationAsync(town, "鹤峰村党委", "PartyCommittee");
        var zhoucun = await api.CreateOrganisationAsync(town, "洲村党委", "PartyCommittee");
        await api.CreateOrganisationAsync(town, "党建工作办党支部");
        await api.CreateOrganisationAsync(hefeng, "鹤峰村党支部");
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.QuarterScheme(town, "Village", "EnvironmentalRemediation", "垃圾分类", "河涌", "违建", "绿化"));

        await EnterAsync(scheme, zhoucun, 20, 20, 20, 10);
        var notice = await CloseAsync(scheme);

        var results = await api.WithDbAsync(db => db.Results.Where(r => r.SchemeId == scheme).OrderBy(r => r.Rank).Select(r => new { r.SubjectId, r.Name, r.Total }).ToListAsync());
        Assert.Equal([(zhoucun, "洲村党委", 70m), (hefeng, "鹤峰村党委", 0m)], results.Select(r => (r.SubjectId, r.Name, r.Total)));
        Assert.Equal(2, notice.SubjectCount);
    }

    [Fact]
    public async Task A_village_committees_member_scheme_covers_the_members_of_its_branches_and_groups()
    {
        var village = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var branch = await api.CreateOrganisationAsync(village, "鹤峰村党支部");
        var gaobian = await api.CreateOrganisationAsync(branch, "高边党群小组", "PartyMassGroup", "高边经济社");
        var inBranch = await api.RegisterMembersAsync(branch, "张建国");
        var inGroup = await api.RegisterMembersAsync(gaobian, "李秀英");
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(village));

        var entered = await api.EnterAsync(scheme, inGroup[0], "volunteer-service", 5);
        using var client = api.CreateClient();
        var roll = await client.GetFromJsonAsync<JsonElement>($"/organisations/{village}/roll?subjectType=Member");
        var standings = await client.GetFromJsonAsync<JsonElement>($"/schemes/{scheme}/standings");

        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        Assert.Equal(2, roll.GetProperty("total").GetInt32());
        Assert.Equal([("李秀英", 5m), ("张建国", 0m)], standings.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("name").GetString(), i.GetProperty("total").GetDecimal())));
        Assert.Contains(inBranch[0], standings.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subjectId").GetGuid()));
    }

    [Fact]
    public async Task A_closed_year_is_not_reopened_and_stays_closed()
    {
        var organisation = Guid.NewGuid();
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        using var client = api.CreateClient();
        var whileOpen = await client.PostAsync($"/schemes/{scheme}/reopen", null);
        await CloseAsync(scheme);

        var reopened = await client.PostAsync($"/schemes/{scheme}/reopen", null);

        await ApiAssert.ProblemAsync(whileOpen, HttpStatusCode.UnprocessableEntity, "scheme.not-closed");
        await ApiAssert.ProblemAsync(reopened, HttpStatusCode.UnprocessableEntity, "scheme.reopen-not-allowed");
        var read = await client.GetFromJsonAsync<JsonElement>($"/schemes/{scheme}");
        Assert.True(read.GetProperty("closed").GetBoolean());
        Assert.Equal(1, await api.WithDbAsync(db => db.Notices.CountAsync(n => n.SchemeId == scheme)));
    }
}
