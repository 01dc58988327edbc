using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Testing;

namespace Lishui.Assessment.Tests.Api;

/// <summary>The scheme list and a subject's own ledger: paged, filtered, and scoped by who is asking.</summary>
public sealed class ListsApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>
{
    private async Task<(Guid Hefeng, Guid Gaobian, Guid Zhoucun)> TreeAsync()
    {
        var hefeng = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var gaobian = await api.CreateOrganisationAsync(hefeng, "高边党群小组", "PartyMassGroup", "高边经济社");
        var zhoucun = await api.CreateOrganisationAsync(null, "洲村党委", "PartyCommittee");
        return (hefeng, gaobian, zhoucun);
    }

    private static IEnumerable<Guid> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid());

    [Fact]
    public async Task A_secretary_lists_the_schemes_of_their_subtree_by_year_and_subject_type_and_nothing_else()
    {
        var (hefeng, gaobian, zhoucun) = await TreeAsync();
        var members2025 = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(hefeng, year: 2025));
        var members2026 = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(hefeng, year: 2026));
        var households = await api.CreateSchemeAsync(AssessmentApiFactory.QuarterScheme(gaobian, "Household", null, "爱党爱国", "遵纪守法", "家庭和睦", "邻里互助"));
        var elsewhere = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(zhoucun));
        using var secretary = api.ClientWith(TestTokens.Secretary(hefeng));
        using var town = api.CreateClient();

        var all = await secretary.GetFromJsonAsync<JsonElement>($"/schemes?organisationId={hefeng}");
        var of2025 = await secretary.GetFromJsonAsync<JsonElement>($"/schemes?organisationId={hefeng}&year=2025");
        var ofHouseholds = await secretary.GetFromJsonAsync<JsonElement>($"/schemes?organisationId={hefeng}&subjectType=Household");
        var paged = await secretary.GetFromJsonAsync<JsonElement>($"/schemes?organisationId={hefeng}&pageSize=2&page=2");
        var townWide = await town.GetFromJsonAsync<JsonElement>("/schemes?year=2026&pageSize=200");

        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal([members2026, households, members2025], Ids(all)); // newest year first
        Assert.Equal([members2025], Ids(of2025));
        Assert.Equal([households], Ids(ofHouseholds));
        Assert.Equal([members2025], Ids(paged));
        Assert.Contains(elsewhere, Ids(townWide));
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/schemes?organisationId={zhoucun}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/schemes")).StatusCode);
        await ApiAssert.ProblemAsync(await town.GetAsync("/schemes?subjectType=Resident"), HttpStatusCode.BadRequest, "query.wrong-value", "subjectType");
        await ApiAssert.ProblemAsync(await town.GetAsync("/schemes?year=twenty"), HttpStatusCode.BadRequest, "query.out-of-range", "year");
    }

    [Fact]
    public async Task A_member_reads_their_own_ledger_a_secretary_their_subtrees_and_nobody_else()
    {
        var (hefeng, gaobian, zhoucun) = await TreeAsync();
        var ids = await api.RegisterMembersAsync(gaobian, "梁某", "陈某");
        var lastYear = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(hefeng, year: 2025));
        var thisYear = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(hefeng, year: 2026));
        (await api.EnterAsync(lastYear, ids[0], "volunteer-service", 5, "护苗长廊志愿服务")).EnsureSuccessStatusCode();
        (await api.EnterAsync(thisYear, ids[0], "visiting-residents", 3, "入户走访")).EnsureSuccessStatusCode();
        (await api.EnterAsync(thisYear, ids[1], "village-work", 4, "征地入户")).EnsureSuccessStatusCode();
        using var self = api.ClientWith(TestTokens.Member(ids[0]));
        using var other = api.ClientWith(TestTokens.Member(ids[1]));
        using var secretary = api.ClientWith(TestTokens.Secretary(hefeng));
        using var stranger = api.ClientWith(TestTokens.Secretary(zhoucun));

        var own = await self.GetFromJsonAsync<JsonElement>($"/subjects/{ids[0]}/ledger");
        var ofYear = await secretary.GetFromJsonAsync<JsonElement>($"/subjects/{ids[0]}/ledger?year=2025");
        var firstPage = await secretary.GetFromJsonAsync<JsonElement>($"/subjects/{ids[0]}/ledger?pageSize=1");

        Assert.Equal(2, own.GetProperty("total").GetInt32());
        Assert.Equal([(2026, "visiting-residents", 3m), (2025, "volunteer-service", 5m)], own.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("year").GetInt32(), i.GetProperty("entry").GetProperty("dimension").GetString(), i.GetProperty("entry").GetProperty("points").GetDecimal())));
        Assert.All(own.GetProperty("items").EnumerateArray(), i => Assert.Equal(ids[0], i.GetProperty("entry").GetProperty("subjectId").GetGuid()));
        Assert.Equal(1, ofYear.GetProperty("total").GetInt32());
        Assert.Equal((2, 1), (firstPage.GetProperty("total").GetInt32(), firstPage.GetProperty("items").GetArrayLength()));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/subjects/{ids[0]}/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/subjects/{ids[0]}/ledger")).StatusCode);
        await ApiAssert.ProblemAsync(await secretary.GetAsync($"/subjects/{ids[0]}/ledger?schemeId=x"), HttpStatusCode.BadRequest, "query.id-malformed", "schemeId");
    }
}
