using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Shared.Security;
using Lishui.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lishui.Membership.Tests.Api;

public sealed class PersonalDataApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    private static object Body(Guid organisation, string idNumber, string? phone = "13800138000", string? email = "zhang.san@example.cn", string birthDate = "1980-05-01") => new
    {
        name = "张三", gender = "Male", birthDate, joinedOn = "2005-07-01", fullMemberOn = "2006-07-01", organisationId = organisation, idNumber, phone, email,
    };

    private static HttpRequestMessage ContactRequest(Guid member, string? purpose = "发送党费缴纳提醒短信", string? requester = "auditor-wang", string? fields = null)
    {
        var query = new List<string>();
        if (purpose is not null)
        {
            query.Add("purpose=" + Uri.EscapeDataString(purpose));
        }

        if (fields is not null)
        {
            query.Add("fields=" + fields);
        }

        var request = new HttpRequestMessage(HttpMethod.Get, $"/members/{member}/contact?{string.Join('&', query)}");
        // Who reads is the token's caller: the service's client id, or the person's subject.
        if (requester is not null)
        {
            var token = requester.EndsWith("-service", StringComparison.Ordinal)
                ? TestTokens.Service(requester, PlatformScopes.ContactsRead)
                : TestTokens.Auditor(requester);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    [Fact]
    public async Task Responses_show_the_id_number_phone_and_email_masked()
    {
        var branch = await api.NewBranchAsync();
        var idNumber = TestIdNumbers.For("1980-05-01");
        using var client = api.CreateClient();

        var created = await client.PostAsJsonAsync("/members", Body(branch, idNumber));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var member = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"{idNumber[..6]}********{idNumber[14..]}", member.GetProperty("idNumber").GetString());
        Assert.Equal("138****8000", member.GetProperty("phone").GetString());
        Assert.Equal("z***@example.cn", member.GetProperty("email").GetString());
        var read = await client.GetFromJsonAsync<JsonElement>($"/members/{member.GetProperty("id").GetGuid()}");
        Assert.Equal("138****8000", read.GetProperty("phone").GetString());
        Assert.DoesNotContain(idNumber, await (await client.GetAsync($"/members?organisationId={branch}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_member_is_found_by_id_number_through_its_keyed_hash()
    {
        var branch = await api.NewBranchAsync();
        var idNumber = TestIdNumbers.For("1980-05-01");
        var member = await api.RegisterMemberAsync(branch, idNumber: idNumber);
        await api.RegisterMemberAsync(branch);
        using var client = api.CreateClient();

        var found = await client.GetFromJsonAsync<JsonElement>($"/members?idNumber={idNumber.ToLowerInvariant()}");

        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(member, found.GetProperty("items")[0].GetProperty("id").GetGuid());
        var malformed = await client.GetAsync("/members?idNumber=123");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Theory]
    [InlineData(null, "13800138000", "idNumber", "member.id-number-required")]
    [InlineData("440605198005010013", "13800138000", "idNumber", "member.id-number-invalid")]
    [InlineData("440605198005020012", "13800138000", "idNumber", "member.id-number-birth-date-mismatch")]
    [InlineData("VALID", "12800138000", "phone", "member.phone-invalid")]
    [InlineData("VALID", "138001380", "phone", "member.phone-invalid")]
    public async Task Invalid_personal_data_is_a_problem_naming_the_field_and_writes_nothing(string? idNumber, string phone, string field, string code)
    {
        var branch = await api.NewBranchAsync();
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/members", Body(branch, idNumber == "VALID" ? TestIdNumbers.For("1980-05-01") : idNumber!, phone));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrEmpty(messages[0].GetString()));
        Assert.Contains(problem.GetProperty("fieldErrors").EnumerateArray(), e => e.GetProperty("code").GetString() == code);
        Assert.Equal(0, await api.WithDbAsync(db => db.Members.CountAsync(m => m.OrganisationId == branch)));
    }

    [Fact]
    public async Task A_duplicate_id_number_is_a_conflict_naming_the_field()
    {
        var branch = await api.NewBranchAsync();
        var idNumber = TestIdNumbers.For("1980-05-01");
        await api.RegisterMemberAsync(branch, idNumber: idNumber);
        using var client = api.CreateClient();

        var response = await client.PostAsJsonAsync("/members", Body(branch, idNumber.ToLowerInvariant(), phone: null, email: null));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("member.id-number-duplicate", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("idNumber", out _));
        Assert.Equal(1, await api.WithDbAsync(db => db.Members.CountAsync(m => m.OrganisationId == branch)));
    }

    [Fact]
    public async Task Clear_values_are_read_only_with_a_purpose_and_a_requester_and_every_read_is_logged()
    {
        var idNumber = TestIdNumbers.For("1980-05-01");
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync(), idNumber: idNumber, phone: "13900139000", email: "li.si@example.cn");
        using var client = api.CreateClient();

        var response = await client.SendAsync(ContactRequest(member, requester: "notification-service"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contact = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((member, idNumber, "13900139000", "li.si@example.cn"),
            (contact.GetProperty("memberId").GetGuid(), contact.GetProperty("idNumber").GetString(), contact.GetProperty("phone").GetString(), contact.GetProperty("email").GetString()));

        var onlyPhone = await (await client.SendAsync(ContactRequest(member, purpose: "短信通知", requester: "notification-service", fields: "phone,email")))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, onlyPhone.GetProperty("idNumber").ValueKind);

        var log = await client.GetFromJsonAsync<JsonElement>($"/personal-data-access-log?memberId={member}");
        Assert.Equal(2, log.GetProperty("total").GetInt32());
        var newest = log.GetProperty("items")[0];
        Assert.Equal("notification-service", newest.GetProperty("requestedBy").GetString());
        Assert.Equal("短信通知", newest.GetProperty("purpose").GetString());
        Assert.Equal(["phone", "email"], newest.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(["idNumber", "phone", "email"], log.GetProperty("items")[1].GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
    }

    [Theory]
    [InlineData(null, "auditor-li", "purpose")]
    [InlineData("  ", "auditor-li", "purpose")]
    public async Task Without_a_purpose_nothing_is_disclosed_and_nothing_logged(string? purpose, string? requester, string field)
    {
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync());
        using var client = api.CreateClient();

        var response = await client.SendAsync(ContactRequest(member, purpose, requester));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/personal-data-access-log?memberId={member}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_access_log_is_filtered_by_requester_and_time_paged_and_append_only()
    {
        var member = await api.RegisterMemberAsync(await api.NewBranchAsync());
        using var client = api.CreateClient();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        foreach (var who in new[] { "auditor-a", "auditor-b", "auditor-a" })
        {
            (await client.SendAsync(ContactRequest(member, requester: who))).EnsureSuccessStatusCode();
        }

        var byA = await client.GetFromJsonAsync<JsonElement>($"/personal-data-access-log?memberId={member}&requestedBy=auditor-a&pageSize=1&page=2");
        Assert.Equal(2, byA.GetProperty("total").GetInt32());
        Assert.Equal(1, byA.GetProperty("items").GetArrayLength());
        var from = Uri.EscapeDataString(before.ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>($"/personal-data-access-log?memberId={member}&from={from}&to={to}")).GetProperty("total").GetInt32());
        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/personal-data-access-log?memberId={member}&from={future}")).GetProperty("total").GetInt32());

        var tampering = await Assert.ThrowsAsync<PostgresException>(() => api.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE personal_data_access_log SET purpose = 'nothing to see' WHERE member_id = {member}")));
        Assert.Contains("append-only", tampering.MessageText);
        await Assert.ThrowsAsync<PostgresException>(() => api.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM personal_data_access_log WHERE member_id = {member}")));
    }

    [Fact]
    public async Task A_dump_of_the_database_holds_no_clear_id_phone_or_email_of_the_members()
    {
        var branch = await api.NewBranchAsync("保密测试党支部");
        var people = Enumerable.Range(0, 3).Select(i => (Id: TestIdNumbers.For("1980-05-01"), Phone: $"1380013{i:D4}", Email: $"member{i}@example.cn")).ToList();
        foreach (var (id, phone, email) in people)
        {
            await api.RegisterMemberAsync(branch, "保密测试", idNumber: id, phone: phone, email: email);
        }

        var dump = await PgDumpAsync(api.Database);

        Assert.Contains("保密测试党支部", dump); // the dump does hold the data
        foreach (var (id, phone, email) in people)
        {
            Assert.DoesNotContain(id, dump);
            Assert.DoesNotContain(id[..17], dump);
            Assert.DoesNotContain(phone, dump);
            Assert.DoesNotContain(email, dump);
        }
    }

    /// <summary>A plain-text dump of the service's database, as a backup would hold it.</summary>
    public static async Task<string> PgDumpAsync(string connectionString)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("/usr/lib/postgresql/15/bin/pg_dump")
        {
            ArgumentList = { "-h", cs.Host!, "-p", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", cs.Username!, "-d", cs.Database!, "--no-owner" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = cs.Password ?? string.Empty;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump failed: {await error}");
        return await output;
    }
}

/// <summary>Membership without its personal-data keys.</summary>
public sealed class NoKeysMembershipApiFactory : MembershipApiFactory
{
    protected override void ConfigureKeys(IWebHostBuilder builder)
    {
        builder.UseSetting("PersonalData:EncryptionKey", string.Empty);
        builder.UseSetting("PersonalData:HashKey", HashKey);
    }
}

public sealed class MissingKeyTests(NoKeysMembershipApiFactory api) : IClassFixture<NoKeysMembershipApiFactory>
{
    [Fact]
    public void Without_its_encryption_key_the_service_does_not_start_and_says_why()
    {
        var e = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("PersonalData:EncryptionKey is not configured", e.ToString());
    }
}
