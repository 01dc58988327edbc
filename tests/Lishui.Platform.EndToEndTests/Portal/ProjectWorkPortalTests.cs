using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// 办实事项目管理 in the portal, signed in through the provider's real login page: the secretary proposes a
/// project, the town approves (立项) and funds it from the special fund, the secretary carries it to
/// completion and the public board shows it; a resident's request is turned into a project.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class ProjectWorkPortalTests(PlatformFixture platform, BrowserFixture browser) : SignedInPortalTest(platform, browser)
{
    [Fact]
    public async Task The_secretary_proposes_a_project_the_town_approves_and_funds_it_and_the_secretary_completes_it()
    {
        using var projects = Platform.Client("projects");
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        var run = Guid.NewGuid().ToString("N")[..6];
        var title = $"鹤峰村护苗长廊（{run}）";
        var today = Lishui.Shared.Domain.TownCalendar.Today(TimeProvider.System);

        // The secretary, on a tablet: the list, then the new project's form.
        await using var secretaryContext = await Pages.NewContextAsync(820);
        var secretary = await secretaryContext.NewPageAsync();
        await Pages.SignInAsync(secretary, "hefeng-secretary");
        await secretary.ClickAsync("nav.account a:text-is('办实事项目管理')");
        Assert.Equal("办实事项目管理", (await secretary.InnerTextAsync("h1")).Trim());
        await Shot(secretary, "work-projects-820");
        await secretary.ClickAsync("a:text-is('提出新项目')");
        await secretary.WaitForURLAsync(new Uri(Portal, "/work/projects/new").ToString());
        Assert.True(await secretary.Locator("form.project-form").CountAsync() == 1, "no proposal form on:\n" + await secretary.InnerTextAsync("main"));
        await Shot(secretary, "work-project-new-820");

        // Without a name: the service's Chinese message beside the field, what was typed kept.
        await secretary.FillAsync("#location", "鹤峰村小学门口接送点");
        var refused = await secretary.RunAndWaitForResponseAsync(() => Button(secretary, "提出项目").ClickAsync(), r => r.Request.Method == "POST");
        Assert.InRange(refused.Status, 400, 422);
        Assert.Matches("[\u4e00-\u9fff]", await secretary.InnerTextAsync("#title-error"));
        Assert.Equal("鹤峰村小学门口接送点", await secretary.InputValueAsync("#location"));
        await Shot(secretary, "work-project-new-problem-820");

        await secretary.FillAsync("#title", title);
        await secretary.FillAsync("#cadre", "张建国");
        await secretary.FillAsync("#village", "鹤峰村");
        await secretary.SelectOptionAsync("#domain", "Education");
        await secretary.FillAsync("#planned-start", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await secretary.FillAsync("#planned-end", today.AddMonths(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await secretary.FillAsync("#budget", "30000");
        Assert.Equal("党群共建专项资金", await secretary.InputValueAsync("#funding-source"));

        // The same form sent twice (a double click): one project.
        var form = await FormFieldsAsync(secretary, "form.project-form");
        var twice = await Task.WhenAll(
            secretaryContext.APIRequest.PostAsync(secretary.Url, new APIRequestContextOptions { Form = form }),
            secretaryContext.APIRequest.PostAsync(secretary.Url, new APIRequestContextOptions { Form = form }));
        Assert.All(twice, r => Assert.Equal(200, r.Status));
        var mine = await projects.GetFromJsonAsync<JsonElement>($"/projects?organisationId={hefeng}&status=Proposed&pageSize=100");
        var created = Assert.Single(mine.GetProperty("items").EnumerateArray(), p => p.GetProperty("title").GetString() == title);
        var id = created.GetProperty("id").GetGuid();
        Assert.All(twice, r => Assert.Contains($"/work/projects/{id}", r.Url, StringComparison.Ordinal));

        await secretary.GotoAsync(new Uri(Portal, $"/work/projects/{id}").ToString());
        Assert.Equal("已提出", (await secretary.InnerTextAsync("span.state")).Trim());

        // The town administrator approves (立项); a project still waiting for its households' consent is refused in Chinese.
        await using var townContext = await Pages.NewContextAsync(1280);
        var town = await townContext.NewPageAsync();
        await Pages.SignInAsync(town, "town-admin");
        var consulting = await CreateAsync(projects, "/projects", new
        {
            title = $"鹤峰村机耕路硬化（{run}）", level = "Village", batch = "2026年第一批", domain = "RuralRevitalisation", responsibleOrganisationId = hefeng,
            responsibleCadre = "张建国", location = "鹤峰村", plannedStart = today, plannedEnd = today.AddMonths(6), budget = 120000,
            fundingSource = "村集体资金", village = "鹤峰村", requiresConsultation = true,
        });
        await town.GotoAsync(new Uri(Portal, $"/work/projects/{consulting}").ToString());
        var notPassed = await town.RunAndWaitForResponseAsync(() => Button(town, "立项").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(422, notPassed.Status);
        Assert.Contains("征求", await town.InnerTextAsync("#status-error"));
        Assert.Equal("已提出", (await town.InnerTextAsync("span.state")).Trim());
        await Shot(town, "work-project-consultation-not-passed-1280");

        await town.GotoAsync(new Uri(Portal, $"/work/projects/{id}").ToString());
        await Button(town, "立项").ClickAsync();
        Assert.Contains("已立项", await town.InnerTextAsync(".confirmation[role=status]"));
        Assert.Equal("已立项", (await town.InnerTextAsync("span.state")).Trim());

        // Funding: an overdraw of the year's special fund is refused in Chinese, the amount kept; a grant lowers the balance shown.
        var balance = Yuan(await town.InnerTextAsync("[data-balance]"));
        var overdraw = (balance + 1).ToString(CultureInfo.InvariantCulture);
        await town.FillAsync("#grant-amount", overdraw);
        await town.FillAsync("#override", "试拨超出余额");
        var overdrawn = await town.RunAndWaitForResponseAsync(() => Button(town, "拨付").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(422, overdrawn.Status);
        Assert.Contains("余额", await town.InnerTextAsync("#amount-error"));
        Assert.Equal(overdraw, await town.InputValueAsync("#grant-amount"));
        Assert.Equal(balance, Yuan(await town.InnerTextAsync("[data-balance]")));
        await town.FillAsync("#grant-amount", "20000");
        await town.FillAsync("#override", "");
        await Button(town, "拨付").ClickAsync();
        Assert.Contains("已拨付 20,000 元", await town.InnerTextAsync(".confirmation[role=status]"));
        Assert.Equal(balance - 20000, Yuan(await town.InnerTextAsync("[data-balance]")));
        Assert.Equal("20,000 元", (await town.InnerTextAsync("[data-granted]")).Trim());
        await Shot(town, "work-project-funded-1280");

        // The secretary starts the work, plans and reaches a milestone, reports 100% and completes it.
        await secretary.GotoAsync(new Uri(Portal, $"/work/projects/{id}").ToString());
        await Button(secretary, "开工").ClickAsync();
        Assert.Equal("实施中", (await secretary.InnerTextAsync("span.state")).Trim());
        await secretary.FillAsync("#milestone-name", "长廊主体完工");
        await secretary.FillAsync("#milestone-on", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Button(secretary, "添加节点").ClickAsync();
        Assert.Contains("节点已添加", await secretary.InnerTextAsync(".confirmation[role=status]"));
        await Button(secretary, "标记完成").ClickAsync();
        Assert.Contains("节点已标记完成", await secretary.InnerTextAsync(".confirmation[role=status]"));
        Assert.Contains("已于", await secretary.InnerTextAsync("li[data-milestone]"));
        await secretary.FillAsync("#progress-value", "100");
        await Button(secretary, "更新进度").ClickAsync();
        Assert.Contains("进度已更新为 100%", await secretary.InnerTextAsync(".confirmation[role=status]"));
        await Shot(secretary, "work-project-in-progress-820");
        await Button(secretary, "完成").ClickAsync();
        Assert.Equal("已完成", (await secretary.InnerTextAsync("span.state")).Trim());
        await Shot(secretary, "work-project-completed-820");

        // The public board (read through a short cache) shows it completed.
        await using var resident = await Browser.Browser.NewContextAsync();
        var board = await resident.NewPageAsync();
        Assert.True(await SignedInPages.WaitAsync(async () =>
        {
            await board.GotoAsync(new Uri(Portal, $"/projects/{id}").ToString());
            return (await board.InnerTextAsync("main")).Contains("已完成", StringComparison.Ordinal);
        }), "the public project page never showed 已完成:\n" + await board.InnerTextAsync("main"));
        Assert.Contains(title, await board.InnerTextAsync("h1"));
        await Shot(board, "project-completed-public-1280");
    }

    [Fact]
    public async Task The_secretary_turns_a_request_into_a_new_project_and_links_a_second_one_to_it()
    {
        using var projects = Platform.Client("projects");
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        var run = Guid.NewGuid().ToString("N")[..6];
        var today = Lishui.Shared.Domain.TownCalendar.Today(TimeProvider.System);
        async Task<Guid> RecordAsync(string subject) => await CreateAsync(projects, "/resident-requests", new
        {
            organisationId = hefeng, subject = $"{subject}（{run}）", location = "鹤峰村小学门口", category = "Education", receivedOn = today, recordedBy = "鹤峰村党委",
        });
        var shelter = await RecordAsync("小学接送点下雨没有遮挡");
        var again = await RecordAsync("接送孩子时希望有个避雨的地方");

        await using var context = await Pages.NewContextAsync(390); // a phone
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-secretary");
        await page.GotoAsync(new Uri(Portal, $"/work/requests/{shelter}").ToString());
        Assert.Contains("小学接送点下雨没有遮挡", await page.InputValueAsync("#project-title"));

        // No budget: said in Chinese beside the field, the rest kept.
        await page.FillAsync("#project-title", $"小学接送点护苗长廊（{run}）");
        var refused = await page.RunAndWaitForResponseAsync(() => Button(page, "转为新项目").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        Assert.Contains("预算", await page.InnerTextAsync("#budget-error"));
        Assert.Equal($"小学接送点护苗长廊（{run}）", await page.InputValueAsync("#project-title"));
        await Shot(page, "work-request-to-project-problem-390");

        await page.FillAsync("#project-budget", "80000");
        await Button(page, "转为新项目").ClickAsync();
        Assert.Contains("已转为项目", await page.InnerTextAsync(".confirmation[role=status]"));
        var request = await projects.GetFromJsonAsync<JsonElement>($"/resident-requests/{shelter}");
        Assert.Equal("TurnedIntoProject", request.GetProperty("status").GetString());
        var project = request.GetProperty("projectId").GetGuid();
        Assert.Contains($"小学接送点护苗长廊（{run}）", await page.InnerTextAsync("[data-project-link]"));
        await Shot(page, "work-request-turned-into-project-390");

        // The same need, asked again: linked to that project.
        await page.GotoAsync(new Uri(Portal, $"/work/requests/{again}").ToString());
        await page.SelectOptionAsync("#link-project", project.ToString());
        await Button(page, "并入该项目").ClickAsync();
        Assert.Contains("已转为项目", await page.InnerTextAsync(".confirmation[role=status]"));
        Assert.Equal(project, (await projects.GetFromJsonAsync<JsonElement>($"/resident-requests/{again}")).GetProperty("projectId").GetGuid());

        // The request's project link opens the project's work page, which names both requests.
        await page.ClickAsync("[data-project-link] a:first-child");
        await page.WaitForURLAsync(new Uri(Portal, $"/work/projects/{project}").ToString());
        Assert.Equal(2, await page.Locator("[data-origin-request]").CountAsync());
        Assert.Equal("已提出", (await page.InnerTextAsync("span.state")).Trim());
        await Shot(page, "work-project-from-requests-390");
    }

    [Fact]
    public async Task The_town_lists_one_village_and_the_secretary_pauses_resumes_and_cancels_a_project_with_reasons()
    {
        using var projects = Platform.Client("projects");
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        var run = Guid.NewGuid().ToString("N")[..6];
        var today = Lishui.Shared.Domain.TownCalendar.Today(TimeProvider.System);
        var id = await CreateAsync(projects, "/projects", new
        {
            title = $"鹤峰村文化室修缮（{run}）", level = "Village", batch = "2026年第一批", domain = "Other", responsibleOrganisationId = hefeng,
            responsibleCadre = "张建国", location = "鹤峰村文化室", plannedStart = today, plannedEnd = today.AddMonths(3), budget = 50000,
            fundingSource = "村集体资金", village = "鹤峰村",
        });

        // The town's list is the whole town's until it chooses a village from the organisation tree.
        await using var townContext = await Pages.NewContextAsync(1280);
        var town = await townContext.NewPageAsync();
        await Pages.SignInAsync(town, "town-admin");
        await town.GotoAsync(new Uri(Portal, "/work/projects?status=Proposed").ToString());
        async Task<int> TotalAsync(string query) => (await projects.GetFromJsonAsync<JsonElement>($"/projects?status=Proposed&pageSize=1{query}")).GetProperty("total").GetInt32();
        Assert.Contains($"共 {await TotalAsync("")} 个", await town.InnerTextAsync("main"));
        await town.SelectOptionAsync("#organisationId", hefeng.ToString());
        await Button(town, "筛选").ClickAsync();
        Assert.Contains($"organisationId={hefeng}", town.Url, StringComparison.Ordinal);
        Assert.Equal(hefeng.ToString(), await town.InputValueAsync("#organisationId"));
        Assert.Contains($"共 {await TotalAsync($"&organisationId={hefeng}")} 个", await town.InnerTextAsync("main"));
        await Shot(town, "work-projects-one-village-1280");

        await town.GotoAsync(new Uri(Portal, $"/work/projects/{id}").ToString());
        await Button(town, "立项").ClickAsync();
        Assert.Equal("已立项", (await town.InnerTextAsync("span.state")).Trim());

        // Pausing needs a reason: refused in Chinese beside the field, the choice kept.
        await using var context = await Pages.NewContextAsync(820);
        var secretary = await context.NewPageAsync();
        await Pages.SignInAsync(secretary, "hefeng-secretary");
        await secretary.GotoAsync(new Uri(Portal, $"/work/projects/{id}").ToString());
        await secretary.SelectOptionAsync("#halt-to", "Suspended");
        var refused = await secretary.RunAndWaitForResponseAsync(() => Button(secretary, "提交").ClickAsync(), r => r.Request.Method == "POST");
        Assert.InRange(refused.Status, 400, 422);
        Assert.Matches("[\u4e00-\u9fff]", await secretary.InnerTextAsync("#reason-error"));
        Assert.Equal("Suspended", await secretary.InputValueAsync("#halt-to"));
        Assert.Equal("已立项", (await secretary.InnerTextAsync("span.state")).Trim());

        await secretary.FillAsync("#halt-reason", "文化室屋面待镇里安全鉴定");
        await Button(secretary, "提交").ClickAsync();
        Assert.Equal("已暂停", (await secretary.InnerTextAsync("span.state")).Trim());
        Assert.Contains("文化室屋面待镇里安全鉴定", await secretary.InnerTextAsync("ol.timeline"));
        await Shot(secretary, "work-project-suspended-820");

        // Resuming returns it to where it was paused.
        await secretary.SelectOptionAsync("#halt-to", "Approved");
        await Button(secretary, "提交").ClickAsync();
        Assert.Equal("已立项", (await secretary.InnerTextAsync("span.state")).Trim());

        await secretary.SelectOptionAsync("#halt-to", "Cancelled");
        await secretary.FillAsync("#halt-reason", "并入镇级文化设施改造统一实施");
        await Button(secretary, "提交").ClickAsync();
        Assert.Equal("已取消", (await secretary.InnerTextAsync("span.state")).Trim());
        Assert.Equal(0, await secretary.Locator("#halt-to").CountAsync());
        var cancelled = await projects.GetFromJsonAsync<JsonElement>($"/projects/{id}");
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal(["Approved", "Suspended", "Approved", "Cancelled"], cancelled.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("to").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_member_has_no_project_work_screen_and_its_address_answers_403()
    {
        await using var context = await Pages.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-member");
        Assert.DoesNotContain("办实事项目管理", await page.InnerTextAsync("nav.account"));
        Assert.Equal(403, (await page.GotoAsync(new Uri(Portal, "/work/projects").ToString()))!.Status);
        Assert.Equal(403, (await page.GotoAsync(new Uri(Portal, "/work/projects/new").ToString()))!.Status);
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, $"{name}.png"), FullPage = true });

    /// <summary>"1,234,567.5 元" as the page writes money.</summary>
    private static decimal Yuan(string text) =>
        decimal.Parse(text.Replace("元", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);

    private static async Task<Guid> CreateAsync(HttpClient client, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<IFormData> FormFieldsAsync(IPage page, string selector)
    {
        var fields = await page.EvalOnSelectorAsync<Dictionary<string, string>>(selector,
            "f => Object.fromEntries([...new FormData(f).entries()].map(([k, v]) => [k, String(v)]))");
        var form = page.Context.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}
