using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Shared.Domain;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Lishui.Testing;
using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lishui.Membership.Tests.Api;

/// <summary>
/// Access in Membership: a small town (鹤峰村 with a branch and a party–mass group, and 周村 beside it),
/// built through the API and Assessment's event; every operation × role × own/other village checked
/// against the documented rule; and the named cases (who may read a clear phone number).
/// </summary>
public sealed class MembershipSecurityTests(MembershipApiFactory api, ITestOutputHelper output) : IClassFixture<MembershipApiFactory>, IAsyncLifetime
{
    private sealed record Village(Guid Committee, Guid Branch, Guid Group, Guid MemberA, Guid MemberB, Guid Household, Guid Case, Guid Import, Guid Talk);

    private Village hefeng = null!;
    private Village zhoucun = null!;

    public async Task InitializeAsync()
    {
        var assessment = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(api.Infrastructure.RabbitMq);
            cfg.MessageTopology.SetEntityNameFormatter(new ContractEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));
        });
        await assessment.StartAsync();
        try
        {
            hefeng = await VillageAsync("鹤峰", assessment);
            zhoucun = await VillageAsync("周", assessment);
        }
        finally
        {
            await assessment.StopAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Village> VillageAsync(string name, IBus assessment)
    {
        var committee = await api.CreateOrganisationAsync(new { name = $"{name}村党委", kind = "PartyCommittee", parentId = await api.TownAsync() });
        var branch = await api.CreateOrganisationAsync(new { name = $"{name}村党支部", kind = "Branch", parentId = committee });
        var group = await api.CreateOrganisationAsync(new { name = $"{name}党群小组", kind = "PartyMassGroup", parentId = branch, economicCooperative = $"{name}经济社" });
        var a = await api.RegisterMemberAsync(branch, $"{name}甲", phone: "13800138001");
        var b = await api.RegisterMemberAsync(branch, $"{name}乙", phone: "13800138002");
        using var client = api.CreateClient();
        var import = await RollCsvFiles.PostAsync(client, RollCsvFiles.Utf8WithBom([RollCsvFiles.Header, RollCsvFiles.Row(group.ToString(), $"{name}丙")]),
            organisationId: committee);
        Assert.Equal(HttpStatusCode.Accepted, import.StatusCode);
        var household = await client.PostAsJsonAsync("/households", new { organisationId = group, headName = $"{name}户主", address = $"{name}村1号", membersCount = 3 });
        household.EnsureSuccessStatusCode();

        // A withdrawal-advice case opens only from Assessment's event: publish until the service's queue has it.
        var message = new MemberUnqualifiedConsecutively { MemberId = b, SchemeId = Guid.CreateVersion7(), PreviousYear = 2024, Year = 2025 }
            .About(b, branch, 1, DateTimeOffset.UtcNow);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement cases;
        do
        {
            Assert.True(DateTime.UtcNow < deadline, "no withdrawal-advice case was opened");
            await assessment.PublishWithinDeadlineAsync(message);
            await Task.Delay(300);
            cases = await client.GetFromJsonAsync<JsonElement>($"/withdrawal-advice-cases?memberId={b}");
        }
        while (cases.GetProperty("total").GetInt32() == 0);

        // So does an organisational talk, from Assessment's finding about the same member.
        var required = new OrganisationalTalkRequired { MemberId = a, SchemeId = Guid.CreateVersion7(), NoticeId = Guid.CreateVersion7(), Year = 2025, DueOn = new DateOnly(2026, 12, 31) }
            .About(Guid.CreateVersion7(), branch, 1, DateTimeOffset.UtcNow);
        JsonElement talks;
        do
        {
            Assert.True(DateTime.UtcNow < deadline.AddSeconds(60), "no organisational talk was opened");
            await assessment.PublishWithinDeadlineAsync(required);
            await Task.Delay(300);
            talks = await client.GetFromJsonAsync<JsonElement>($"/organisational-talks?memberId={a}");
        }
        while (talks.GetProperty("total").GetInt32() == 0);

        return new Village(committee, branch, group, a, b, (await household.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            cases.GetProperty("items")[0].GetProperty("id").GetGuid(), (await import.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            talks.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    private string Secretary() => TestTokens.Secretary(hefeng.Committee, "hefeng-secretary");

    [Fact]
    public async Task Every_operation_answers_each_role_as_its_documented_rule_says()
    {
        using var client = api.ClientWith(null);
        var world = new MatrixWorld { OwnOrganisation = hefeng.Committee, OwnMember = hefeng.MemberA }
            .Kind("organisation", hefeng.Committee, zhoucun.Committee)
            .Kind("member", hefeng.MemberA, zhoucun.MemberA, ofOwnMember: true)
            .Kind("household", hefeng.Household, zhoucun.Household)
            .Kind("withdrawal-case", hefeng.Case, zhoucun.Case)
            .Kind("import", hefeng.Import, zhoucun.Import)
            .Kind("organisational-talk", hefeng.Talk, zhoucun.Talk)
            .Sample("role", "GroupLeader")
            .Sample("purpose", "权限矩阵测试");

        var result = await AuthorisationMatrix.AssertAsync(api.Services, client, world, output);
        // Every row of the policy table read from the routes is a documented operation.
        Assert.Equal(AccessPolicy.Of(api.Services.GetRequiredService<EndpointDataSource>()).Count, result.Operations);
    }

    [Fact]
    public async Task A_member_reads_their_own_clear_phone_but_not_another_members_and_only_the_allowed_read_is_logged()
    {
        using var memberA = api.ClientWith(TestTokens.Member(hefeng.MemberA, "hefeng-member-a"));

        var other = await memberA.GetAsync($"/members/{hefeng.MemberB}/contact?purpose=联系同志&fields=phone");
        var own = await memberA.GetAsync($"/members/{hefeng.MemberA}/contact?purpose=核对本人信息&fields=phone");

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.DoesNotContain("13800138002", await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("13800138001", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
        Assert.Equal(0, await LogCountAsync(hefeng.MemberB, "hefeng-member-a"));
        Assert.Equal(1, await LogCountAsync(hefeng.MemberA, "hefeng-member-a"));
        Assert.Equal(HttpStatusCode.Forbidden, (await memberA.GetAsync($"/members/{hefeng.MemberB}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await memberA.GetAsync($"/members/{hefeng.MemberA}")).StatusCode);
    }

    [Fact]
    public async Task An_auditors_clear_read_is_logged_under_the_auditors_name_whatever_the_request_claims()
    {
        using var auditor = api.ClientWith(TestTokens.Auditor("auditor-zhou"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/members/{zhoucun.MemberA}/contact?purpose=年度个人信息使用审计");
        request.Headers.Add("X-Requested-By", "someone-else");

        var response = await auditor.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var log = await auditor.GetFromJsonAsync<JsonElement>($"/personal-data-access-log?memberId={zhoucun.MemberA}&requestedBy=auditor-zhou");
        var entry = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal(("auditor-zhou", "年度个人信息使用审计"), (entry.GetProperty("requestedBy").GetString(), entry.GetProperty("purpose").GetString()));
        Assert.Equal(0, await LogCountAsync(zhoucun.MemberA, "someone-else"));
        Assert.Equal(HttpStatusCode.BadRequest, (await auditor.GetAsync($"/members/{zhoucun.MemberA}/contact")).StatusCode); // purpose stays mandatory
    }

    [Fact]
    public async Task Notification_reads_contacts_with_its_service_scope_and_is_logged_by_its_client_id()
    {
        using var notification = api.ClientWith(TestTokens.Service("lishui-notification", PlatformScopes.ContactsRead));
        using var otherService = api.ClientWith(TestTokens.Service("lishui-pairing", "lishui.something-else"));

        Assert.Equal(HttpStatusCode.OK, (await notification.GetAsync($"/members/{zhoucun.MemberB}/contact?purpose=短信通知&fields=phone")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherService.GetAsync($"/members/{zhoucun.MemberB}/contact?purpose=短信通知")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await notification.GetAsync($"/members/{zhoucun.MemberB}")).StatusCode);
        Assert.Equal(1, await LogCountAsync(zhoucun.MemberB, "lishui-notification"));
        Assert.Equal(0, await LogCountAsync(zhoucun.MemberB, "lishui-pairing"));
    }

    [Fact]
    public async Task Hefengs_secretary_cannot_read_list_change_or_transfer_another_villages_members()
    {
        using var secretary = api.ClientWith(Secretary());
        var today = TownCalendar.DateOf(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd");
        var other = zhoucun.MemberA;
        using var admin = api.CreateClient();
        var before = await admin.GetStringAsync($"/members/{other}");

        var refused = new[]
        {
            await secretary.GetAsync($"/members/{other}"),
            await secretary.GetAsync($"/members/{other}/contact?purpose=核对"),
            await secretary.GetAsync($"/members?organisationId={zhoucun.Committee}&includeDescendants=true"),
            await secretary.GetAsync("/members"), // the whole town is no secretary's list
            await secretary.GetAsync($"/members/export.csv?organisationId={zhoucun.Branch}"),
            await secretary.GetAsync($"/households?organisationId={zhoucun.Group}"),
            await secretary.PatchAsJsonAsync($"/members/{other}", new { name = "改名", changedBy = "鹤峰村书记" }),
            await secretary.PutAsJsonAsync($"/members/{other}", new { name = "改名", gender = "Male", birthDate = "1980-05-01", changedBy = "鹤峰村书记" }),
            await secretary.PostAsJsonAsync($"/members/{other}/status-changes", new { status = "Deceased", effectiveOn = today, reason = "测试", decidedBy = "鹤峰村书记" }),
            await secretary.PostAsJsonAsync($"/members/{other}/transfers", new { toOrganisationId = hefeng.Branch, effectiveOn = today, reason = "转入鹤峰" }),
            await secretary.PostAsJsonAsync($"/members/{other}/roles", new { role = "GroupLeader", assignedOn = today, decidedBy = "鹤峰村书记" }),
            await secretary.PostAsJsonAsync("/members", new
            {
                name = "外村党员", gender = "Male", birthDate = "1980-05-01", joinedOn = "2005-07-01", fullMemberOn = "2006-07-01",
                organisationId = zhoucun.Branch, idNumber = TestIdNumbers.For("1980-05-01"),
            }),
        };

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, await admin.GetStringAsync($"/members/{other}")); // nothing changed, nothing moved
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/members/{other}/transfers")).GetArrayLength());
    }

    [Fact]
    public async Task Hefengs_secretary_works_in_their_own_subtree_and_the_audit_trail_names_them()
    {
        using var secretary = api.ClientWith(Secretary());

        var list = await secretary.GetFromJsonAsync<JsonElement>($"/members?organisationId={hefeng.Committee}&includeDescendants=true");
        var registered = await secretary.PostAsJsonAsync("/members", new
        {
            name = "鹤峰新党员", gender = "Female", birthDate = "1990-03-01", joinedOn = "2015-07-01", fullMemberOn = "2016-07-01",
            organisationId = hefeng.Group, idNumber = TestIdNumbers.For("1990-03-01"),
        });

        Assert.Contains(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == hefeng.MemberA);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"/members/{hefeng.MemberB}")).StatusCode);
        using var auditor = api.ClientWith(TestTokens.Auditor());
        var trail = await auditor.GetFromJsonAsync<JsonElement>("/audit-trail?actor=hefeng-secretary");
        var entry = trail.GetProperty("items").EnumerateArray().First(e => e.GetProperty("route").GetString() == "/members");
        Assert.Equal(("POST", hefeng.Committee), (entry.GetProperty("method").GetString(), entry.GetProperty("actorOrganisationId").GetGuid()));
        Assert.Contains(ContractCatalog.UrnOf(typeof(Lishui.Contracts.Membership.MemberRegistered)), entry.GetProperty("eventTypes").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync("/audit-trail")).StatusCode);
    }

    [Fact]
    public async Task Hefengs_secretary_imports_a_roll_into_their_village_only_and_rows_of_another_village_are_refused()
    {
        using var secretary = api.ClientWith(Secretary());
        var roll = RollCsvFiles.Utf8WithBom([
            RollCsvFiles.Header,
            RollCsvFiles.Row(hefeng.Group.ToString(), "鹤峰丁"),
            RollCsvFiles.Row(zhoucun.Branch.ToString(), "周村戊"),
            RollCsvFiles.Row("周村党支部", "周村己"),
        ]);

        var intoOther = await RollCsvFiles.PostAsync(secretary, roll, organisationId: zhoucun.Committee);
        var townWide = await RollCsvFiles.PostAsync(secretary, roll);
        var intoOwn = await RollCsvFiles.PostAsync(secretary, roll, mode: "partial", organisationId: hefeng.Committee);

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Accepted), (intoOther.StatusCode, townWide.StatusCode, intoOwn.StatusCode));
        var finished = await RollCsvFiles.FinishedAsync(secretary, intoOwn.Headers.Location!);
        Assert.Equal((1, 2), (finished.GetProperty("imported").GetInt32(), finished.GetProperty("errorCount").GetInt32()));
        Assert.Equal(["import.organisation-outside", "organisation.unknown-or-closed"],
            finished.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/member-imports/{zhoucun.Import}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.GetAsync($"/member-imports?organisationId={zhoucun.Committee}")).StatusCode);
        var own = await secretary.GetFromJsonAsync<JsonElement>($"/member-imports?organisationId={hefeng.Committee}");
        Assert.Equal(2, own.GetProperty("total").GetInt32());
        Assert.Equal("hefeng-secretary", await api.WithDbAsync(async db => (await db.MemberImports.FindAsync(finished.GetProperty("id").GetGuid()))!.RequestedBy));
    }

    [Fact]
    public async Task Anonymous_callers_are_asked_to_sign_in_and_auditors_change_nothing()
    {
        using var anonymous = api.ClientWith(null);
        using var auditor = api.ClientWith(TestTokens.Auditor());

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/members/{hefeng.MemberA}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/members/{hefeng.MemberA}/contact?purpose=x")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/organisations/{hefeng.Committee}")).StatusCode);
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").GetProperty("/member-imports").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("text/csv", out _));
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/members?organisationId={zhoucun.Committee}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PatchAsJsonAsync($"/members/{hefeng.MemberA}", new { name = "改名", changedBy = "审计" })).StatusCode);
        Assert.Equal(0, await LogCountAsync(hefeng.MemberA, "anonymous"));
    }

    private Task<int> LogCountAsync(Guid member, string requestedBy) => api.WithDbAsync(db =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.PersonalDataAccessLog, a => a.MemberId == member && a.RequestedBy == requestedBy));
}
