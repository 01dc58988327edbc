using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Testing;

namespace Lishui.PracticalProjects.Tests;

/// <summary>
/// Batches (第一批…) as records the town announces, listed publicly with the counts of town and village
/// projects and their budget; projects join a batch by its name, as they always have.
/// </summary>
public sealed class ProjectBatchApiTests(ProjectsApiFactory api) : IClassFixture<ProjectsApiFactory>
{
    private static async Task<Guid> ProposeAsync(HttpClient client, string level, string batch, decimal budget, string title)
    {
        using var response = await client.PostAsJsonAsync("/projects", new
        {
            title, level, batch, domain = "Education", responsibleOrganisationId = ProjectsApiFactory.Hefeng, responsibleCadre = "何书记",
            location = "鹤峰村", plannedStart = "2027-03-01", plannedEnd = "2027-12-31", budget, fundingSource = "镇级财政",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task The_town_announces_a_batch_once_and_its_totals_are_public()
    {
        using var town = api.CreateClient();
        using var secretary = api.ClientWith(TestTokens.Secretary(ProjectsApiFactory.Hefeng));
        using var anonymous = api.ClientWith(null);

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PostAsJsonAsync("/batches", new { year = 2027, number = 1 })).StatusCode);
        using var announce = new HttpRequestMessage(HttpMethod.Post, "/batches") { Content = JsonContent.Create(new { year = 2027, number = 1 }) };
        announce.Headers.Add("Idempotency-Key", "batch-2027-1");
        using var announced = await town.SendAsync(announce);
        Assert.Equal(HttpStatusCode.Created, announced.StatusCode);
        Assert.Equal("2027年第一批", (await announced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        using var again = await town.PostAsJsonAsync("/batches", new { year = 2027, number = 1 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await town.PostAsJsonAsync("/batches", new { year = 2027, number = 0 })).StatusCode);
        (await town.PostAsJsonAsync("/batches", new { year = 2027, number = 12 })).EnsureSuccessStatusCode();

        await ProposeAsync(town, "Town", "2027年第一批", 1_000_000, "校园周边护学安全提升工程（2027）");
        await ProposeAsync(town, "Village", "2027年第一批", 50_000, "鹤峰村四点半课堂（2027）");
        await ProposeAsync(town, "Village", "2027年第一批", 80_000, "鹤峰村儿童之家改造（2027）");
        var cancelled = await ProposeAsync(town, "Village", "2027年第一批", 70_000, "鹤峰村图书角（2027）");
        (await town.PostAsJsonAsync($"/projects/{cancelled}/status-changes", new { status = "Cancelled", effectiveOn = "2026-12-01", reason = "与镇级项目合并实施" })).EnsureSuccessStatusCode();

        var list = await anonymous.GetFromJsonAsync<JsonElement>("/public/batches?year=2027");
        var batches = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["2027年第十二批", "2027年第一批"], batches.Select(b => b.GetProperty("name").GetString()));
        var first = batches[1];
        Assert.Equal((1, 3, 1, 1_130_000m), (first.GetProperty("townProjects").GetInt32(), first.GetProperty("villageProjects").GetInt32(),
            first.GetProperty("cancelled").GetInt32(), first.GetProperty("budget").GetDecimal()));
        Assert.Equal(0, batches[0].GetProperty("villageProjects").GetInt32());
    }
}
