using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Tests.Api;

public sealed class MemberImportApiTests(MembershipApiFactory api) : IClassFixture<MembershipApiFactory>
{
    private Task<int> CountAsync(Guid organisation) => api.WithDbAsync(db => db.Members.CountAsync(m => m.OrganisationId == organisation));

    [Fact]
    public async Task A_utf8_roll_is_imported_in_the_background_and_each_member_is_announced()
    {
        var group = await api.NewBranchAsync("导入测试党支部");
        using var client = api.CreateClient();
        var file = RollCsvFiles.Utf8WithBom([
            RollCsvFiles.Header,
            RollCsvFiles.Row("导入测试党支部", "陈志明"),
            RollCsvFiles.Row(group.ToString(), "\"黄,丽华\"", gender: "女", birthDate: "1990-12-31", joinedOn: "2015-07-01", fullMemberOn: ""),
            RollCsvFiles.Row("导入测试党支部", "何国华", phone: "", birthDate: "1960-02-29"),
        ]);

        var response = await RollCsvFiles.PostAsync(client, file);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, accepted.GetProperty("rowsTotal").GetInt32());
        Assert.Equal("UTF-8", accepted.GetProperty("encoding").GetString());
        var import = await RollCsvFiles.FinishedAsync(client, response.Headers.Location!);
        Assert.Equal(("Completed", 3, 3, 0), (import.GetProperty("status").GetString(), import.GetProperty("rowsProcessed").GetInt32(),
            import.GetProperty("imported").GetInt32(), import.GetProperty("errorCount").GetInt32()));
        var roll = await client.GetFromJsonAsync<JsonElement>($"/members?organisationId={group}");
        Assert.Equal(new[] { "何国华", "陈志明", "黄,丽华" }.Order(), roll.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).Order());
        var probationary = roll.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "黄,丽华");
        Assert.Equal(("Probationary", "Female", "138****8000"), (probationary.GetProperty("status").GetString(), probationary.GetProperty("gender").GetString(), probationary.GetProperty("phone").GetString()));
        await Lishui.Testing.Eventually.MatchAsync(() => api.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()), n => n == 0,
            because: "the relay should publish a MemberRegistered per imported member");
    }

    [Fact]
    public async Task A_gbk_roll_from_excel_is_read_too()
    {
        var group = await api.NewBranchAsync("GBK测试党支部");
        using var client = api.CreateClient();

        var response = await RollCsvFiles.PostAsync(client, RollCsvFiles.Gbk([RollCsvFiles.Header, RollCsvFiles.Row(group.ToString(), "梁锦荣")]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("GBK", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("encoding").GetString());
        Assert.Equal("Completed", (await RollCsvFiles.FinishedAsync(client, response.Headers.Location!)).GetProperty("status").GetString());
        Assert.Equal("梁锦荣", (await client.GetFromJsonAsync<JsonElement>($"/members?organisationId={group}")).GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Wrong_or_missing_headers_are_a_bad_request_listing_them()
    {
        using var client = api.CreateClient();

        var response = await RollCsvFiles.PostAsync(client, RollCsvFiles.Utf8WithBom(["姓名,性别,生日,身份证号,手机号码,入党日期,所属组织", "张三,男,1980-05-01,x,,2005-07-01,某支部"]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["出生日期", "转正日期"], problem.GetProperty("missingHeaders").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(["生日"], problem.GetProperty("unknownHeaders").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(3, problem.GetProperty("errors").GetProperty("header").GetArrayLength());
    }

    [Fact]
    public async Task Any_invalid_row_imports_nothing_and_every_problem_is_reported_by_row_and_column_in_chinese()
    {
        var group = await api.NewBranchAsync("全有全无党支部");
        var taken = TestIdNumbers.For("1975-03-08");
        await api.RegisterMemberAsync(group, "已在册", birthDate: "1975-03-08", idNumber: taken);
        var repeated = TestIdNumbers.For("1975-03-08");
        using var client = api.CreateClient();
        var file = RollCsvFiles.Utf8WithBom([
            RollCsvFiles.Header,
            RollCsvFiles.Row(group.ToString(), "合格甲"),
            RollCsvFiles.Row(group.ToString(), "校验码错", idNumber: "440605197503080011"),
            RollCsvFiles.Row(group.ToString(), "手机错", phone: "12345678901", gender: "未知"),
            RollCsvFiles.Row("不存在的支部", "组织错"),
            RollCsvFiles.Row(group.ToString(), "已登记", idNumber: taken),
            RollCsvFiles.Row(group.ToString(), "重复一", idNumber: repeated),
            RollCsvFiles.Row(group.ToString(), "重复二", idNumber: repeated),
            RollCsvFiles.Row(group.ToString(), "太年轻", birthDate: "2000-01-01", joinedOn: "2010-07-01", fullMemberOn: ""),
        ]);

        var response = await RollCsvFiles.PostAsync(client, file);
        var import = await RollCsvFiles.FinishedAsync(client, response.Headers.Location!);

        Assert.Equal(("Failed", 0), (import.GetProperty("status").GetString(), import.GetProperty("imported").GetInt32()));
        var errors = import.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString(), e.GetProperty("code").GetString())).ToList();
        var expected = new List<(int, string?, string?)>
        {
            (3, "身份证号", "member.id-number-invalid"),
            (4, "性别", "import.gender-invalid"),
            (4, "手机号码", "member.phone-invalid"),
            (5, "所属组织", "organisation.unknown-or-closed"),
            (6, "身份证号", "member.id-number-duplicate"),
            (8, "身份证号", "member.id-number-duplicate"),
            (9, "入党日期", "member.too-young"),
        };
        Assert.Equal(expected.Order().ToList(), errors.Order().ToList());
        Assert.All(import.GetProperty("errors").EnumerateArray(), e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.GetProperty("message").GetString()!));
        Assert.DoesNotContain(taken, import.ToString());
        Assert.Equal(1, await CountAsync(group));
    }

    [Fact]
    public async Task Partial_mode_imports_the_valid_rows_and_reports_the_rest()
    {
        var group = await api.NewBranchAsync("部分导入党支部");
        using var client = api.CreateClient();
        var file = RollCsvFiles.Utf8WithBom([
            RollCsvFiles.Header,
            RollCsvFiles.Row(group.ToString(), "合格乙"),
            RollCsvFiles.Row(group.ToString(), "日期错", birthDate: "1975-02-30", idNumber: TestIdNumbers.For("1975-03-08")),
            RollCsvFiles.Row(group.ToString(), "合格丙"),
        ]);

        var response = await RollCsvFiles.PostAsync(client, file, mode: "partial");
        var import = await RollCsvFiles.FinishedAsync(client, response.Headers.Location!);

        Assert.Equal(("Completed", 2, 1), (import.GetProperty("status").GetString(), import.GetProperty("imported").GetInt32(), import.GetProperty("errorCount").GetInt32()));
        Assert.Equal((3, "出生日期"), (import.GetProperty("errors")[0].GetProperty("row").GetInt32(), import.GetProperty("errors")[0].GetProperty("column").GetString()));
        Assert.Equal(2, await CountAsync(group));
    }

    [Fact]
    public async Task A_retried_upload_with_the_same_idempotency_key_starts_one_import()
    {
        var group = await api.NewBranchAsync("幂等导入党支部");
        using var client = api.CreateClient();
        var file = RollCsvFiles.Utf8WithBom([RollCsvFiles.Header, RollCsvFiles.Row(group.ToString())]);
        var key = Guid.NewGuid().ToString();

        var first = await RollCsvFiles.PostAsync(client, file, idempotencyKey: key);
        var retry = await RollCsvFiles.PostAsync(client, file, idempotencyKey: key);
        var other = await RollCsvFiles.PostAsync(client, RollCsvFiles.Utf8WithBom([RollCsvFiles.Header, RollCsvFiles.Row(group.ToString())]), idempotencyKey: key);

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.UnprocessableEntity), (first.StatusCode, retry.StatusCode, other.StatusCode));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        await RollCsvFiles.FinishedAsync(client, first.Headers.Location!);
        Assert.Equal(1, await CountAsync(group));
    }

    [Fact]
    public async Task A_multipart_upload_works_like_a_csv_body()
    {
        var group = await api.NewBranchAsync("表单导入党支部");
        using var client = api.CreateClient();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(RollCsvFiles.Utf8WithBom([RollCsvFiles.Header, RollCsvFiles.Row(group.ToString())]));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "党员名册.csv");

        var response = await client.PostAsync("/member-imports", form);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Completed", (await RollCsvFiles.FinishedAsync(client, response.Headers.Location!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_roll_is_exported_masked_as_utf8_with_bom_with_the_same_filters_as_the_list()
    {
        var group = await api.NewBranchAsync("导出测试党支部");
        var idNumber = TestIdNumbers.For("1980-05-01");
        await api.RegisterMemberAsync(group, "导出甲", idNumber: idNumber, phone: "13800138000");
        var probationary = await api.RegisterMemberAsync(group, "导出乙", birthDate: "1990-01-01", joinedOn: "2025-07-01", fullMemberOn: null);
        using var client = api.CreateClient();

        var response = await client.GetAsync($"/members/export.csv?organisationId={group}&status=Full");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(RollCsvFiles.Header, lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Equal($"导出甲,男,1980-05-01,{idNumber[..6]}********{idNumber[14..]},138****8000,2005-07-01,2006-07-01,导出测试党支部", row);
        Assert.DoesNotContain(idNumber, Encoding.UTF8.GetString(bytes));
        Assert.Equal(3, (await client.GetStringAsync($"/members/export.csv?organisationId={group}")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.NotEqual(Guid.Empty, probationary);
    }

    [Fact]
    public async Task The_database_keeps_no_clear_id_number_of_an_imported_roll()
    {
        var group = await api.NewBranchAsync("导入保密党支部");
        var ids = Enumerable.Range(0, 3).Select(_ => TestIdNumbers.For("1975-03-08")).ToList();
        using var client = api.CreateClient();
        var response = await RollCsvFiles.PostAsync(client, RollCsvFiles.Utf8WithBom([RollCsvFiles.Header, .. ids.Select(id => RollCsvFiles.Row(group.ToString(), idNumber: id, phone: "13612345678"))]));
        Assert.Equal("Completed", (await RollCsvFiles.FinishedAsync(client, response.Headers.Location!)).GetProperty("status").GetString());

        var dump = await PersonalDataApiTests.PgDumpAsync(api.Database);

        Assert.Contains("导入保密党支部", dump);
        Assert.All(ids, id => Assert.DoesNotContain(id, dump));
        Assert.DoesNotContain("13612345678", dump);
    }
}
