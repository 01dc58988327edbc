using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Features.Closing;
using Lishui.Contracts;
using Lishui.Contracts.Membership;
using Lishui.Shared.Messaging;
using Lishui.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Tests.Api;

/// <summary>Past years' final results imported by the town, and the two-year rule reading them by member.</summary>
public sealed class ImportedResultsApiTests(AssessmentApiFactory api) : IClassFixture<AssessmentApiFactory>, IDisposable
{
    private static readonly TimeSpan PastTheWindow = TimeSpan.FromDays(10);

    public void Dispose() => api.Clock.Reset();

    private static object Import(Guid organisationId, int year, params (Guid Member, string Grade, decimal Total)[] rows) => new
    {
        organisationId,
        year,
        source = $"鹤峰村{year}年度党员量化积分考核纸质台账",
        rows = rows.Select(r => new { memberId = r.Member, grade = r.Grade, total = r.Total }),
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/imported-results") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task A_member_unqualified_in_an_imported_year_and_again_after_a_transfer_is_reported_for_withdrawal_advice()
    {
        var hefeng = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var gaobian = await api.CreateOrganisationAsync(hefeng, "高边党群小组", "PartyMassGroup", "高边经济社");
        var cengang = await api.CreateOrganisationAsync(hefeng, "岑岗党群小组", "PartyMassGroup", "岑岗经济社");
        var ids = await api.RegisterMembersAsync(gaobian, "梁某", "陈某", "黄某");
        using var client = api.CreateClient();
        var imported = await PostAsync(client, Import(gaobian, 2024, (ids[0], "Unqualified", 52), (ids[1], "Qualified", 78), (ids[2], "Excellent", 95)));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);

        // 梁某 moves from Gaobian to Cengang; 2025 is assessed by Cengang's own scheme.
        await api.WithDbAsync(async db =>
        {
            await db.ApplyAsync(new MemberTransferred { MemberId = ids[0], FromOrganisationId = gaobian, ToOrganisationId = cengang, EffectiveOn = new DateOnly(2025, 3, 1) }
                .About(ids[0], cengang, 2, DateTimeOffset.UtcNow), CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(cengang, year: 2025));
        var notice = (await (await client.PostAsJsonAsync($"/schemes/{scheme}/close", new { })).Content.ReadFromJsonAsync<NoticeSummaryResponse>(AssessmentApiFactory.Json))!;
        api.Clock.Advance(PastTheWindow);
        var final = await client.PostAsync($"/notices/{notice.Id}/finalise", null);

        Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        var summary = (await final.Content.ReadFromJsonAsync<FinalisedResponse>(AssessmentApiFactory.Json))!;
        Assert.Equal((1, 1), (summary.TalksRequired, summary.UnqualifiedConsecutively));
        var consecutive = (await api.OutboxAsync(scheme)).Where(m => m.MessageUrn.EndsWith("member-unqualified-consecutively:v1", StringComparison.Ordinal))
            .Select(m => JsonDocument.Parse(m.Payload).RootElement).Single();
        Assert.Equal(ids[0], consecutive.GetProperty("memberId").GetGuid());
        Assert.Equal((2024, 2025), (consecutive.GetProperty("previousYear").GetInt32(), consecutive.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task An_import_is_stored_per_member_read_back_audited_and_replayed_by_its_key()
    {
        var organisation = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var ids = await api.RegisterMembersAsync(organisation, "何某", "麦某");
        using var client = api.CreateClient();
        var body = Import(organisation, 2024, (ids[0], "Excellent", 96.5m), (ids[1], "BasicallyQualified", 63));
        var auditedBefore = (await client.GetFromJsonAsync<JsonElement>("/audit-trail?route=/imported-results")).GetProperty("total").GetInt32();

        var first = await PostAsync(client, body, "import-hefeng-2024");
        var again = await PostAsync(client, body, "import-hefeng-2024");
        var otherKey = await PostAsync(client, Import(organisation, 2024, (ids[0], "Qualified", 80)));
        var list = await client.GetFromJsonAsync<JsonElement>($"/imported-results?year=2024&organisationId={organisation}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        await ApiAssert.ProblemAsync(otherKey, HttpStatusCode.Conflict, "imported-result.exists", "rows[0].memberId");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal([("何某", "Excellent", "优秀", 96.5m), ("麦某", "BasicallyQualified", "基本合格", 63m)], list.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("name").GetString(), i.GetProperty("grade").GetString(), i.GetProperty("gradeLabel").GetString(), i.GetProperty("total").GetDecimal())));
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal("town-admin", i.GetProperty("importedBy").GetString()));
        var trail = await client.GetFromJsonAsync<JsonElement>("/audit-trail?route=/imported-results");
        Assert.Equal(auditedBefore + 1, trail.GetProperty("total").GetInt32()); // the import; the replay and the refused one changed nothing
        var entry = trail.GetProperty("items").EnumerateArray().First();
        Assert.Equal(("POST", "town-admin"), (entry.GetProperty("method").GetString(), entry.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task A_bad_row_refuses_the_whole_import_naming_the_row()
    {
        var organisation = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var ids = await api.RegisterMembersAsync(organisation, "岑某");
        using var client = api.CreateClient();

        var unknown = await PostAsync(client, Import(organisation, 2024, (ids[0], "Qualified", 75), (Guid.NewGuid(), "Unqualified", 40)));
        var twice = await PostAsync(client, Import(organisation, 2024, (ids[0], "Qualified", 75), (ids[0], "Unqualified", 40)));
        var badTotal = await PostAsync(client, Import(organisation, 2024, (ids[0], "Qualified", -3)));
        var badGrade = await PostAsync(client, Import(organisation, 2024, (ids[0], "Good", 75)));
        var thisYear = await PostAsync(client, Import(organisation, api.Clock.GetUtcNow().Year + 0, (ids[0], "Qualified", 75)));

        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "imported-result.member-unknown", "rows[1].memberId");
        await ApiAssert.ProblemAsync(twice, HttpStatusCode.BadRequest, "imported-result.member-twice", "rows[1].memberId");
        await ApiAssert.ProblemAsync(badTotal, HttpStatusCode.BadRequest, "imported-result.total-invalid", "rows[0].total");
        Assert.Equal(HttpStatusCode.BadRequest, badGrade.StatusCode);
        await ApiAssert.ProblemAsync(thisYear, HttpStatusCode.UnprocessableEntity, "imported-result.year-not-past");
        Assert.False(await api.WithDbAsync(db => db.ImportedResults.AnyAsync(r => r.MemberId == ids[0])));
    }

    [Fact]
    public async Task Only_the_town_imports_and_only_the_town_and_auditors_read_imports()
    {
        var organisation = await api.CreateOrganisationAsync(null, "鹤峰村党委", "PartyCommittee");
        var ids = await api.RegisterMembersAsync(organisation, "简某");
        using var secretary = api.ClientWith(TestTokens.Secretary(organisation));
        using var member = api.ClientWith(TestTokens.Member(ids[0]));
        using var auditor = api.ClientWith(TestTokens.Auditor());

        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(secretary, Import(organisation, 2024, (ids[0], "Qualified", 75)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(auditor, Import(organisation, 2024, (ids[0], "Qualified", 75)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/imported-results")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/imported-results?year=2024")).StatusCode);
        Assert.False(await api.WithDbAsync(db => db.ImportedResults.AnyAsync(r => r.MemberId == ids[0])));
    }
}
