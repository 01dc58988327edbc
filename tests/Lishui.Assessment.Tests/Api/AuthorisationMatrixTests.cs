using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Assessment.Features.Closing;
using Lishui.Assessment.Security;
using Lishui.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lishui.Assessment.Tests.Api;

/// <summary>
/// Two villages of the town (Hefeng with a branch below it, Zhoucun), a member in each, and in each a
/// member scheme with points that has been closed into a published notice: what the access matrix and
/// named cases need.
/// </summary>
public sealed record SecurityWorld(
    Guid Town, Guid Hefeng, Guid HefengBranch, Guid Zhoucun, Guid OwnMember, Guid OtherMember,
    Guid HefengScheme, Guid ZhoucunScheme, Guid HefengNotice, Guid ZhoucunNotice)
{
    public static async Task<SecurityWorld> CreateAsync(AssessmentApiFactory api)
    {
        var town = await api.CreateOrganisationAsync(null, "里水镇党委", "PartyCommittee");
        var hefeng = await api.CreateOrganisationAsync(town, "鹤峰村党委", "PartyCommittee");
        var hefengBranch = await api.CreateOrganisationAsync(hefeng, "鹤峰村第一党支部");
        var zhoucun = await api.CreateOrganisationAsync(town, "周村党委", "PartyCommittee");
        var own = (await api.RegisterMembersAsync(hefengBranch, "罗家辉"))[0];
        var other = (await api.RegisterMembersAsync(zhoucun, "周永康"))[0];
        var (hefengScheme, hefengNotice) = await ClosedSchemeAsync(api, hefeng, own);
        var (zhoucunScheme, zhoucunNotice) = await ClosedSchemeAsync(api, zhoucun, other);
        return new SecurityWorld(town, hefeng, hefengBranch, zhoucun, own, other, hefengScheme, zhoucunScheme, hefengNotice, zhoucunNotice);
    }

    public MatrixWorld Matrix() => new MatrixWorld { OwnOrganisation = Hefeng, OwnMember = OwnMember }
        .Kind(AssessmentScopes.Organisation, Hefeng, Zhoucun)
        .Kind(AssessmentScopes.Scheme, HefengScheme, ZhoucunScheme)
        .Kind(AssessmentScopes.Notice, HefengNotice, ZhoucunNotice)
        .Kind(AssessmentScopes.Subject, OwnMember, OtherMember, ofOwnMember: true)
        .Sample("schemeId", HefengScheme)
        .Sample("year", 2026);

    /// <summary>A member scheme of the organisation with 88 points for the member, closed into its notice.</summary>
    private static async Task<(Guid Scheme, Guid Notice)> ClosedSchemeAsync(AssessmentApiFactory api, Guid organisation, Guid member)
    {
        var scheme = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(organisation));
        (await api.EnterAsync(scheme, member, "daily-conduct", 18m)).EnsureSuccessStatusCode();
        using var admin = api.CreateClient();
        var closed = await admin.PostAsJsonAsync($"/schemes/{scheme}/close", new { });
        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        return (scheme, (await closed.Content.ReadFromJsonAsync<NoticeSummaryResponse>(AssessmentApiFactory.Json))!.Id);
    }
}

/// <summary>Access in Assessment: every endpoint × role × own/other organisation, and the named cases.</summary>
public sealed class AuthorisationMatrixTests(AssessmentApiFactory api, ITestOutputHelper output) : IClassFixture<AssessmentApiFactory>
{
    private static object Entry(Guid subject) => new { subjectId = subject, dimension = "village-work", points = 5m, reason = "参与村务", enteredBy = "村党委" };

    private static HttpRequestMessage Batch(Guid scheme, params object[] entries)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/schemes/{scheme}/ledger-entries/batch") { Content = JsonContent.Create(new { entries }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    [Fact]
    public async Task Every_endpoint_lets_through_exactly_the_roles_and_scopes_its_documented_rule_names()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var client = api.ClientWith(null);

        await AuthorisationMatrix.AssertAsync(api.Services, client, world.Matrix(), output);
    }

    [Fact]
    public async Task Hefengs_secretary_cannot_read_or_change_another_villages_points()
    {
        var world = await SecurityWorld.CreateAsync(api);
        var open = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(world.Zhoucun, year: 2027));
        var ownOpen = await api.CreateSchemeAsync(AssessmentApiFactory.HefengScheme(world.Hefeng, year: 2027));
        using var secretary = api.ClientWith(TestTokens.Secretary(world.Hefeng, "hefeng-secretary"));

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/schemes/{world.ZhoucunScheme}/standings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/schemes/{world.ZhoucunScheme}/standings/{world.OtherMember}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync($"/schemes/{open}/ledger-entries", Entry(world.OtherMember))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.SendAsync(Batch(open, Entry(world.OtherMember)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/schemes", AssessmentApiFactory.HefengScheme(world.Zhoucun, year: 2028))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/schemes", new { organisationId = world.Zhoucun })).StatusCode); // refused, not told what is missing
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/governance/villages/{world.Zhoucun}")).StatusCode);
        var points = await api.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.LedgerEntries, e => e.SchemeId == open));
        Assert.Equal(0, points);

        // Their own village's points they read and enter.
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/schemes/{world.HefengScheme}/standings")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync($"/schemes/{ownOpen}/ledger-entries", Entry(world.OwnMember))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await secretary.SendAsync(Batch(ownOpen, Entry(world.OwnMember)))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostAsJsonAsync("/schemes", AssessmentApiFactory.HefengScheme(world.HefengBranch, year: 2028))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/governance/villages/{world.Hefeng}")).StatusCode);
    }

    [Fact]
    public async Task A_member_reads_their_own_points_and_no_one_elses()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var member = api.ClientWith(TestTokens.Member(world.OwnMember, "luo-jiahui"));

        var own = await member.GetAsync($"/schemes/{world.HefengScheme}/standings/{world.OwnMember}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(18m, (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/schemes/{world.ZhoucunScheme}/standings/{world.OtherMember}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/schemes/{world.HefengScheme}/standings")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/schemes/{world.HefengScheme}/ledger-entries", Entry(world.OwnMember))).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_reach_published_notices_and_objections_only_and_their_objection_is_on_the_audit_trail()
    {
        var world = await SecurityWorld.CreateAsync(api);
        using var anonymous = api.ClientWith(null);
        using var auditor = api.ClientWith(TestTokens.Auditor("auditor-zhou"));

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/notices/{world.HefengNotice}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/notices/{world.HefengNotice}/results.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/notices/{world.HefengNotice}/results.json")).StatusCode);
        var objection = await anonymous.PostAsJsonAsync($"/notices/{world.HefengNotice}/objections", new { text = "对罗家辉的得分有疑问。", concerning = "罗家辉" });
        Assert.Equal(HttpStatusCode.Created, objection.StatusCode);
        var objectionId = (await objection.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/public/notices?organisationId={world.Hefeng}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/public/notices/{world.HefengNotice}/objections")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/notices/{world.HefengNotice}/objections")).StatusCode); // the objectors' contacts
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/schemes/{world.HefengScheme}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/schemes/{world.HefengScheme}/standings")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/governance/villages/{world.Hefeng}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync($"/notices/{world.HefengNotice}/objections/{objectionId}/answer", new { answer = "x", upheld = false, answeredBy = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/notices/{world.HefengNotice}/objections/{objectionId}/answer", new { answer = "x", upheld = false, answeredBy = "x" })).StatusCode);

        var trail = await auditor.GetFromJsonAsync<JsonElement>("/audit-trail?actor=anonymous&route=/notices/{id:guid}/objections");
        var entry = Assert.Single(trail.GetProperty("items").EnumerateArray(), e => e.GetProperty("path").GetString() == $"/notices/{world.HefengNotice}/objections");
        Assert.Equal(Lishui.Contracts.ContractCatalog.UrnOf(typeof(Lishui.Contracts.Assessment.ObjectionFiled)), Assert.Single(entry.GetProperty("eventTypes").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("/public/notices", "Public", null)]
    [InlineData("/public/notices/{id}/objections", "Public", null)]
    [InlineData("/notices/{id}/objections", "AuditorRead,SecretaryOfSubtree,Town", "notice")]
    public async Task The_notice_board_and_objection_lists_are_documented_with_their_rule_and_a_Chinese_and_English_summary(string path, string grants, string? scopeKind)
    {
        using var anonymous = api.ClientWith(null);
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty("get");
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}[^/]*/ [A-Z]", operation.GetProperty("summary").GetString());
        var access = operation.GetProperty(Lishui.Shared.Security.AccessDocumentation.Extension);
        Assert.Equal(grants, string.Join(',', access.GetProperty("grants").EnumerateArray().Select(g => g.GetString())));
        Assert.Equal(scopeKind, access.TryGetProperty("scope", out var scope) ? scope.GetProperty("kind").GetString() : null);
        Assert.True(operation.GetProperty("responses").TryGetProperty("200", out _));
    }

    [Fact]
    public void Every_anonymous_endpoint_is_rate_limited()
    {
        var endpoints = api.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Lishui.Shared.Security.AccessMetadata>() is { Rule.IsPublic: true } && e.RoutePattern.RawText?.StartsWith("/openapi", StringComparison.Ordinal) != true)
            .ToList();

        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/public/notices");
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/public/notices/{id:guid}/objections");
        Assert.All(endpoints, e => Assert.Equal(Lishui.Shared.Security.PlatformSecurity.PublicRateLimit,
            e.Metadata.GetMetadata<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>()?.PolicyName));
    }

    [Fact]
    public async Task The_governance_list_of_a_village_is_for_its_secretaries_auditors_and_the_town()
    {
        var world = await SecurityWorld.CreateAsync(api);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWith(TestTokens.Secretary(world.Town, "town-secretary")).GetAsync($"/governance/villages/{world.Zhoucun}?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.ClientWith(TestTokens.Auditor()).GetAsync($"/governance/villages/{world.Zhoucun}/list.csv?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientWith(TestTokens.Secretary(world.HefengBranch, "branch-secretary")).GetAsync($"/governance/villages/{world.Hefeng}?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.ClientWith(TestTokens.Member(world.OwnMember)).GetAsync($"/governance/villages/{world.Hefeng}?year=2026")).StatusCode);
    }
}
