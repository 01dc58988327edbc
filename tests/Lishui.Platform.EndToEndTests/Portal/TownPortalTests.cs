using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// The secretaries' and the town's screens, signed in through the development provider's real login page
/// in Debian's Chromium: running a points assessment from entries to a closed, objected and answered year.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class TownPortalTests(PlatformFixture platform, BrowserFixture browser) : SignedInPortalTest(platform, browser)
{
    [Fact]
    public async Task The_secretary_enters_points_closes_the_year_and_answers_an_objection()
    {
        // The town has set up a scheme of a past year for Hefeng that the demo left alone: 2023.
        using var admin = Platform.Client("assessment");
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        var memberId = (await Pages.AccountAsync("hefeng-member")).GetProperty("memberId").GetGuid();
        var schemeId = await CreateSchemeAsync(admin, hefeng, 2023);

        await using var context = await Pages.NewContextAsync(820); // a tablet
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-secretary");
        Assert.Contains("积分考核", await page.InnerTextAsync("nav.account"));
        await page.GotoAsync(new Uri(Portal, "/assessment?year=2023").ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "assessment-schemes-820.png"), FullPage = true });
        await page.ClickAsync($"tr[data-scheme='{schemeId}'] a");
        await page.WaitForURLAsync(new Uri(Portal, $"/assessment/schemes/{schemeId}").ToString());
        Assert.Contains("2023年度党员量化积分考核", await page.InnerTextAsync("h1"));

        // No points: the field's message in Chinese, the reason kept.
        await page.SelectOptionAsync("#subject", memberId.ToString());
        await page.SelectOptionAsync("#dimension", "volunteer-service");
        await page.FillAsync("#reason", "参加护苗长廊志愿服务");
        await page.ClickAsync("form.entry button[type=submit]");
        Assert.Contains("请填写分值", await page.InnerTextAsync("form.entry .field-error"));
        Assert.Equal("参加护苗长廊志愿服务", await page.InputValueAsync("#reason"));

        // A double click enters the points once.
        await page.FillAsync("#points", "5");
        await page.DblClickAsync("form.entry button[type=submit]");
        await page.WaitForSelectorAsync("form.entry .confirmation");
        var standing = await admin.GetFromJsonAsync<JsonElement>($"/schemes/{schemeId}/standings/{memberId}");
        Assert.Equal(5m, standing.GetProperty("total").GetDecimal());
        Assert.Equal("5", (await page.InnerTextAsync($"tr[data-subject='{memberId}'] [data-total]")).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "assessment-scheme-820.png"), FullPage = true });

        // Closing asks for a confirmation first, then publishes the notice.
        await page.ClickAsync("form.close-year button[type=submit]");
        Assert.Contains("请先勾选确认", await page.InnerTextAsync("form.close-year .field-error"));
        await page.CheckAsync("form.close-year input[type=checkbox]");
        await page.ClickAsync("form.close-year button[type=submit]");
        await page.WaitForSelectorAsync(".confirmation[role=status]");
        Assert.Contains("年度考核已结束并公示", await page.InnerTextAsync(".confirmation[role=status]"));
        var print = await page.GetAttributeAsync(".confirmation a[href$='/print']", "href");
        Assert.NotNull(print);
        var noticeId = Guid.Parse(print!.Split('/')[2]);
        Assert.Equal(0, await page.Locator("form.entry").CountAsync());

        // A resident objects on the public notice; the secretary answers it.
        using var anonymous = Platform.Client("assessment", "");
        using var filed = await anonymous.PostAsJsonAsync($"/notices/{noticeId}/objections", new { text = "本人2023年参加志愿服务的积分有遗漏，请核实。", concerning = "志愿服务积分" });
        Assert.True(filed.IsSuccessStatusCode, await filed.Content.ReadAsStringAsync());
        await page.GotoAsync(new Uri(Portal, $"/assessment/notices/{noticeId}").ToString());
        Assert.Contains("未答复 1 条", await page.InnerTextAsync("#objections-heading"));
        await page.ClickAsync("form.answer button[type=submit]");
        Assert.Contains("请选择异议是否成立", await page.InnerTextAsync("form.answer"));
        await page.CheckAsync("form.answer input[value=false]");
        await page.FillAsync("#answer-text", "经核对志愿服务台账，2023年的志愿服务积分已全部录入，异议不成立。");
        await page.ClickAsync("form.answer button[type=submit]");
        await page.WaitForSelectorAsync(".confirmation[role=status]");
        Assert.Contains("已答复", await page.InnerTextAsync(".confirmation[role=status]"));
        Assert.Contains("未答复 0 条", await page.InnerTextAsync("#objections-heading"));
        Assert.Equal(1, await page.Locator("a[href$='/print']").CountAsync());

        // Finalising during the window: the service's reason, in Chinese.
        await page.ClickAsync("form.finalise button[type=submit]");
        await page.WaitForSelectorAsync("form.finalise .problem");
        var problem = await page.InnerTextAsync("form.finalise .problem");
        Assert.Matches("[\u4e00-\u9fff]", problem);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "assessment-notice-820.png"), FullPage = true });

        var objections = await admin.GetFromJsonAsync<JsonElement>($"/notices/{noticeId}/objections");
        Assert.True(objections.GetProperty("items")[0].GetProperty("answered").GetBoolean());
    }

    [Fact]
    public async Task The_overview_puts_each_services_figures_for_a_village_side_by_side_and_exports_them_for_Excel()
    {
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        var month = Lishui.Shared.Domain.TownCalendar.Today(TimeProvider.System);
        using var pairing = Platform.Client("pairing");
        using var projects = Platform.Client("projects");
        var pairingRow = Row(await pairing.GetFromJsonAsync<JsonElement>($"/statistics/villages?month={month:yyyy-MM}"), hefeng);
        var projectRow = Row(await projects.GetFromJsonAsync<JsonElement>($"/statistics/villages?month={month:yyyy-MM}"), hefeng);

        await using var context = await Pages.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "auditor");
        Assert.Contains("数据看板", await page.InnerTextAsync("nav.account"));
        await page.GotoAsync(new Uri(Portal, $"/overview?month={month:yyyy-MM}").ToString());
        var row = page.Locator($"tr[data-village='{hefeng}']");
        Assert.Equal(1, await row.CountAsync());
        Assert.Contains("鹤峰村", await row.Locator("th").InnerTextAsync());
        var attendance = await row.Locator("[data-figure=attendance]").InnerTextAsync();
        Assert.StartsWith(Percent(pairingRow.GetProperty("attendanceRate")), attendance.Trim(), StringComparison.Ordinal);
        Assert.StartsWith(Percent(pairingRow.GetProperty("contactRate")), (await row.Locator("[data-figure=contacts]").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var requests = $"{projectRow.GetProperty("requestsReceived").GetInt32()} / {projectRow.GetProperty("requestsAnswered").GetInt32()} / {projectRow.GetProperty("requestsOpen").GetInt32()} / {projectRow.GetProperty("requestsOverdue").GetInt32()}";
        Assert.Contains(requests, await row.Locator("[data-figure=requests]").InnerTextAsync());
        if (projectRow.GetProperty("projects").GetInt32() > 0)
        {
            Assert.Equal(1, await row.Locator("[data-figure=projects] a[href^='/projects?village=']").CountAsync());
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "town-overview-1280.png"), FullPage = true });

        var csv = await page.APIRequest.GetAsync(new Uri(Portal, $"/overview.csv?month={month:yyyy-MM}").ToString());
        Assert.Equal(200, csv.Status);
        var bytes = await csv.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes.Take(3));
        var text = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("村,月份,学习出勤率", text, StringComparison.Ordinal);
        Assert.Contains(Percent(pairingRow.GetProperty("attendanceRate")), text.Split("\r\n").Single(l => l.StartsWith(pairingRow.GetProperty("village").GetString()!, StringComparison.Ordinal)));

        // A secretary reads their own village, not the town's figures.
        await using var secretaryContext = await Pages.NewContextAsync(820);
        var secretary = await secretaryContext.NewPageAsync();
        await Pages.SignInAsync(secretary, "hefeng-secretary");
        Assert.DoesNotContain("数据看板", await secretary.InnerTextAsync("nav.account"));
        Assert.Equal(403, (await secretary.GotoAsync(new Uri(Portal, "/overview").ToString()))!.Status);
        Assert.Equal(403, (await secretary.APIRequest.GetAsync(new Uri(Portal, "/overview.csv").ToString())).Status);
    }

    [Fact]
    public async Task The_town_registers_a_subscriber_rotates_its_credentials_replays_events_and_reads_the_delivery_log()
    {
        await using var context = await Pages.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "town-admin");
        await page.GotoAsync(new Uri(Portal, "/town/subscribers").ToString());

        // A bad name: the service's field message in Chinese, the contact kept.
        await page.FillAsync("#name", "区政务数据局");
        await page.FillAsync("#contact", "南海区政务服务数据管理局 李工");
        await page.CheckAsync("form.register input[value=Webhook]");
        await page.FillAsync("#webhook", "https://hooks.example.invalid/lishui");
        var publicType = page.Locator("form.register label.choice", new() { HasTextString = "（公开）" }).First.Locator("input");
        await publicType.CheckAsync();
        await page.ClickAsync("form.register button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.Locator("form.register .field-error").CountAsync() > 0, "no field message on:\n" + await page.InnerTextAsync("main"));
        Assert.Contains("小写字母", await page.InnerTextAsync("form.register"));
        Assert.Equal("南海区政务服务数据管理局 李工", await page.InputValueAsync("#contact"));

        var name = $"nanhai-data-{Guid.NewGuid():N}"[..24];
        await page.FillAsync("#name", name);
        Assert.True(await publicType.IsCheckedAsync(), "the chosen event type was not kept");
        await page.ClickAsync("form.register button[type=submit]");
        await page.WaitForSelectorAsync(".confirmation [data-secret]");
        var secret = await page.InnerTextAsync(".confirmation [data-secret]");
        Assert.Equal(1, await page.Locator("table.subscribers td a", new() { HasTextString = name }).CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "town-subscribers-1280.png"), FullPage = true });

        await page.ClickAsync(".confirmation a[href^='/town/subscribers/']");
        await page.WaitForSelectorAsync("form.rotate");
        await page.ClickAsync("form.rotate button[type=submit]");
        Assert.Contains("请先勾选确认", await page.InnerTextAsync("form.rotate .field-error"));
        await page.CheckAsync("form.rotate input[type=checkbox]");
        await page.ClickAsync("form.rotate button[type=submit]");
        await page.WaitForSelectorAsync(".confirmation [data-secret]");
        Assert.NotEqual(secret, await page.InnerTextAsync(".confirmation [data-secret]"));

        // A replay of the last week: its progress shows, and the page follows it to the end.
        await page.ClickAsync("form.replay button[type=submit]");
        await page.WaitForSelectorAsync("ul.replays li .progress");
        var finished = await SignedInPages.WaitAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("ul.replays li[data-status=Completed]").CountAsync() == 1;
        });
        Assert.True(finished, "the replay did not finish:\n" + await page.InnerTextAsync("main"));
        Assert.Contains("已完成", await page.InnerTextAsync("ul.replays"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "town-subscriber-replay-1280.png"), FullPage = true });

        await page.GotoAsync(new Uri(Portal, "/town/deliveries?outcome=Delivered").ToString());
        var outcomes = await page.Locator("table.deliveries tr[data-outcome]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.outcome)");
        Assert.All(outcomes, o => Assert.Equal("Delivered", o));
        Assert.True(outcomes.Length > 0 || (await page.InnerTextAsync("main")).Contains("没有结果为", StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "town-deliveries-1280.png"), FullPage = true });
    }

    [Theory]
    [InlineData("hefeng-member", "/assessment")]
    [InlineData("auditor", "/assessment")]
    [InlineData("auditor", "/town/subscribers")]
    [InlineData("auditor", "/town/deliveries")]
    [InlineData("hefeng-secretary", "/town/subscribers")]
    public async Task A_role_without_the_screen_has_no_menu_entry_and_gets_403(string user, string path)
    {
        await using var context = await Pages.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, user);
        var label = new Dictionary<string, string> { ["/assessment"] = "积分考核", ["/town/subscribers"] = "订阅系统", ["/town/deliveries"] = "投递记录" }[path];
        Assert.DoesNotContain(label, await page.InnerTextAsync("nav.account"));
        var refused = await page.GotoAsync(new Uri(Portal, path).ToString());
        Assert.Equal(403, refused!.Status);
    }

    private static JsonElement Row(JsonElement statistics, Guid village) =>
        statistics.GetProperty("villages").EnumerateArray().Single(v => v.GetProperty("villageId").GetGuid() == village);

    /// <summary>A rate as the overview prints it: 87.5%, or 无数据.</summary>
    private static string Percent(JsonElement rate) =>
        rate.ValueKind == JsonValueKind.Null ? "无数据" : (rate.GetDecimal() * 100).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static async Task<Guid> CreateSchemeAsync(HttpClient assessment, Guid organisationId, int year)
    {
        var dimensions = new[] { ("daily-conduct", "日常行为规范"), ("village-work", "配合村组开展工作"), ("organisational-life", "参加组织生活"), ("volunteer-service", "党员志愿服务"), ("visiting-residents", "走访联系群众") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/schemes")
        {
            Content = JsonContent.Create(new
            {
                organisationId, year, subjectType = "Member", total = 100,
                dimensions = dimensions.Select(d => new { code = d.Item1, name = d.Item2, max = 20 }),
            }),
        };
        request.Headers.Add("Idempotency-Key", $"e2e-town-portal-scheme-{organisationId}-{year}");
        using var response = await assessment.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created || response.StatusCode == HttpStatusCode.OK, $"creating the {year} scheme: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
