using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lishui.Testing;

namespace Lishui.PracticalProjects.Tests;

/// <summary>
/// 党群共建专项资金: the town sets a yearly budget, grants from the fund draw on it, the balance is public
/// (also beside the project's grants), and no grant takes it below zero, not even two at once.
/// </summary>
public sealed class SpecialFundApiTests(ProjectsApiFactory api) : IClassFixture<ProjectsApiFactory>
{
    private const string Fund = "党群共建专项资金";

    private static async Task<Guid> ProposeAsync(HttpClient client, string title, string fundingSource = Fund)
    {
        using var response = await client.PostAsJsonAsync("/projects", new
        {
            title, level = "Village", batch = "2025年第一批", domain = "Education", responsibleOrganisationId = ProjectsApiFactory.Hefeng, responsibleCadre = "何书记",
            location = "鹤峰村", plannedStart = "2025-03-01", plannedEnd = "2025-12-31", budget = 200000, fundingSource,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> GrantAsync(HttpClient client, Guid project, decimal amount, string year = "2025") =>
        client.PostAsJsonAsync($"/projects/{project}/grants", new { amount, grantedOn = $"{year}-05-20", grantedBy = "里水镇党建工作办" });

    [Fact]
    public async Task Only_the_town_sets_the_budget_grants_draw_on_it_and_the_balance_is_public()
    {
        using var town = api.CreateClient();
        using var secretary = api.ClientWith(TestTokens.Secretary(ProjectsApiFactory.Hefeng));
        using var anonymous = api.ClientWith(null);

        Assert.Equal(HttpStatusCode.Forbidden, (await secretary.PutAsJsonAsync("/funds/2025", new { budget = 1_000_000 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public/funds/2025")).StatusCode);
        var project = await ProposeAsync(town, "鹤峰村四点半课堂");
        using var beforeBudget = await GrantAsync(town, project, 10000);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beforeBudget.StatusCode);
        Assert.Equal("fund.no-budget", (await beforeBudget.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("code").GetString());

        (await town.PutAsJsonAsync("/funds/2025", new { budget = 300000 })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await GrantAsync(town, project, 120000)).StatusCode);
        // A grant from another source does not touch the fund.
        var other = await ProposeAsync(town, "鹤峰村村道硬化", "村集体资金");
        Assert.Equal(HttpStatusCode.Created, (await GrantAsync(town, other, 150000)).StatusCode);

        var fund = await anonymous.GetFromJsonAsync<JsonElement>("/public/funds/2025");
        Assert.Equal((300000m, 120000m, 180000m, 1), (fund.GetProperty("budget").GetDecimal(), fund.GetProperty("drawn").GetDecimal(),
            fund.GetProperty("balance").GetDecimal(), fund.GetProperty("grants").GetInt32()));
        var page = await anonymous.GetFromJsonAsync<JsonElement>($"/public/projects/{project}");
        Assert.Equal(180000m, Assert.Single(page.GetProperty("specialFunds").EnumerateArray()).GetProperty("balance").GetDecimal());

        using var below = await town.PutAsJsonAsync("/funds/2025", new { budget = 100000 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, below.StatusCode);
        Assert.StartsWith("预算不能低于已拨付的 120000 元", (await below.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_grant_the_balance_cannot_cover_is_refused_in_chinese_and_nothing_is_written()
    {
        using var town = api.CreateClient();
        (await town.PutAsJsonAsync("/funds/2024", new { budget = 100000 })).EnsureSuccessStatusCode();
        var project = await ProposeAsync(town, "鹤峰村儿童之家改造");
        (await GrantAsync(town, project, 70000, "2024")).EnsureSuccessStatusCode();
        var before = await town.GetFromJsonAsync<JsonElement>($"/projects/{project}");

        using var refused = await GrantAsync(town, project, 40000, "2024");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fieldErrors")[0];
        Assert.Equal(("amount", "fund.insufficient"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
        Assert.Equal("2024 年党群共建专项资金余额 30000 元，不足以拨付 40000 元。", error.GetProperty("message").GetString());
        var after = await town.GetFromJsonAsync<JsonElement>($"/projects/{project}");
        Assert.Equal((before.GetProperty("version").GetInt64(), 70000m), (after.GetProperty("version").GetInt64(), after.GetProperty("granted").GetDecimal()));
        Assert.Equal(30000m, (await town.GetFromJsonAsync<JsonElement>("/public/funds/2024")).GetProperty("balance").GetDecimal());
    }

    [Fact]
    public async Task Grants_sent_at_the_same_moment_never_overdraw_the_fund()
    {
        using var town = api.CreateClient();
        (await town.PutAsJsonAsync("/funds/2023", new { budget = 100000 })).EnsureSuccessStatusCode();
        var projects = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            projects.Add(await ProposeAsync(town, $"护苗长廊 {i + 1} 号点"));
        }

        // Six grants of 30 000 at once against 100 000: exactly three fit.
        using var start = new ManualResetEventSlim();
        var responses = await Task.WhenAll(projects.Select(p => Task.Run(async () =>
        {
            using var client = api.CreateClient();
            start.Wait();
            using var response = await GrantAsync(client, p, 30000, "2023");
            return response.StatusCode;
        })).Concat([Task.Run(() => { start.Set(); return HttpStatusCode.Continue; })]));

        var answers = responses.Where(s => s != HttpStatusCode.Continue).ToList();
        Assert.Equal(3, answers.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(3, answers.Count(s => s == HttpStatusCode.UnprocessableEntity));
        var fund = await town.GetFromJsonAsync<JsonElement>("/public/funds/2023");
        Assert.Equal((90000m, 10000m, 3), (fund.GetProperty("drawn").GetDecimal(), fund.GetProperty("balance").GetDecimal(), fund.GetProperty("grants").GetInt32()));
        var granted = 0m;
        foreach (var p in projects)
        {
            granted += (await town.GetFromJsonAsync<JsonElement>($"/projects/{p}")).GetProperty("granted").GetDecimal();
        }

        Assert.Equal(90000m, granted);
    }
}
