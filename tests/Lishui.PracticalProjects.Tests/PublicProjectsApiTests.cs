using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Lishui.PracticalProjects.Tests;

public sealed class PublicProjectsApiTests(ProjectsApiFactory api) : IClassFixture<ProjectsApiFactory>
{
    private static readonly Guid Town = ProjectsApiFactory.Town;
    private static readonly Guid Hefeng = ProjectsApiFactory.Hefeng;

    private static async Task<Guid> ProposeAsync(HttpClient client, string batch, string title, string level, string domain, string? village, Guid? parentId = null, int weight = 1)
    {
        var response = await client.PostAsJsonAsync("/projects", new
        {
            title, level, batch, domain, responsibleOrganisationId = level == "Town" ? Town : Hefeng, responsibleCadre = "责任人",
            location = village ?? "全镇", plannedStart = "2026-04-01", plannedEnd = "2026-12-31", budget = 100000, fundingSource = "镇财政", parentId, weight, village,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_public_list_filters_by_level_batch_domain_village_and_status_and_shows_the_roll_up()
    {
        using var client = api.CreateClient();
        var batch = $"测试批次-{Guid.NewGuid():N}"[..20];
        var key = await ProposeAsync(client, batch, "全镇校园周边护学工程", "Town", "Education", null);
        var child = await ProposeAsync(client, batch, "鹤峰村护苗长廊", "Village", "Education", "鹤峰村", key, 2);
        await ProposeAsync(client, batch, "洲村污水管网", "Village", "EnvironmentalProtection", "洲村");
        foreach (var s in new[] { "Approved", "InProgress" })
        {
            (await client.PostAsJsonAsync($"/projects/{child}/status-changes", new { status = s, effectiveOn = "2026-05-01", decidedBy = "镇党委" })).EnsureSuccessStatusCode();
        }

        (await client.PostAsJsonAsync($"/projects/{child}/progress", new { progress = 60 })).EnsureSuccessStatusCode();

        var all = await client.GetFromJsonAsync<JsonElement>($"/public/projects?batch={batch}");
        var villageOnly = await client.GetFromJsonAsync<JsonElement>($"/public/projects?batch={batch}&level=Village");
        var hefeng = await client.GetFromJsonAsync<JsonElement>($"/public/projects?batch={batch}&village=鹤峰村");
        var environment = await client.GetFromJsonAsync<JsonElement>($"/public/projects?batch={batch}&domain=EnvironmentalProtection");
        var inProgress = await client.GetFromJsonAsync<JsonElement>($"/public/projects?batch={batch}&status=InProgress");
        var paged = await client.GetFromJsonAsync<JsonElement>($"/public/projects?batch={batch}&pageSize=2&page=2");

        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(2, villageOnly.GetProperty("total").GetInt32());
        Assert.Equal(child, hefeng.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal("洲村污水管网", environment.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal(1, inProgress.GetProperty("total").GetInt32());
        Assert.Equal(1, paged.GetProperty("items").GetArrayLength());
        var town = all.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == key);
        Assert.Equal(60, town.GetProperty("rolledUpProgress").GetInt32());
        Assert.Equal("镇级", town.GetProperty("levelText").GetString());
        var detail = await client.GetFromJsonAsync<JsonElement>($"/public/projects/{key}");
        Assert.Equal(child, Assert.Single(detail.GetProperty("subProjects").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_filtered_list_exports_as_csv_with_a_bom_and_chinese_headers_and_as_json()
    {
        using var client = api.CreateClient();
        var batch = $"导出批次-{Guid.NewGuid():N}"[..20];
        await ProposeAsync(client, batch, "横江村卫生站改造", "Village", "HealthCare", "横江村");
        await ProposeAsync(client, batch, "=HYPERLINK(\"x\"),含逗号的名称", "Village", "Housing", "横江村");

        var csvResponse = await client.GetAsync($"/public/projects/export.csv?batch={batch}");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        var json = await client.GetFromJsonAsync<JsonElement>($"/public/projects/export.json?batch={batch}&domain=HealthCare");

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("项目编号,项目名称,层级,批次,领域,所在村", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(",横江村卫生站改造,村级,", StringComparison.Ordinal) && l.Contains(",医疗,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"x\"\"),含逗号的名称\"", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.Equal("横江村卫生站改造", Assert.Single(json.EnumerateArray()).GetProperty("title").GetString());
    }
}
