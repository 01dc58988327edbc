using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// The secretary's 征求意见 in the portal, signed in through the provider's real login page: the checklist
/// of a cooperative's households on a tablet, saved as the secretary goes with the live share against the
/// 90% threshold, the A4 signature sheet, and the result on the public board once completed.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class ProjectsPortalTests(PlatformFixture platform, BrowserFixture browser) : SignedInPortalTest(platform, browser)
{
    [Fact]
    public async Task The_secretary_runs_an_opinion_collection_of_48_households_to_44_agreeing_and_the_public_board_shows_it_passed()
    {
        // Arrange: a new Gaobian project that needs the households' consent (the demo's road was consulted already).
        using var projects = Platform.Client("projects");
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        var consulted = await projects.GetFromJsonAsync<JsonElement>($"/opinion-collections?organisationId={hefeng}&completed=true&pageSize=50");
        var gaobian = consulted.GetProperty("items").EnumerateArray().First(c => c.GetProperty("economicCooperative").GetString() == "高边经济社")
            .GetProperty("organisationId").GetGuid();
        var run = Guid.NewGuid().ToString("N")[..6];
        var project = await CreateAsync(projects, "/projects", new
        {
            title = $"高边经济社排水渠改造（{run}）", level = "Village", batch = "2026年第一批", domain = "EnvironmentalProtection", responsibleOrganisationId = hefeng,
            responsibleCadre = "张建国", location = "高边经济社", plannedStart = "2027-01-10", plannedEnd = "2027-05-31", budget = 260000,
            fundingSource = "村集体资金", village = "鹤峰村", requiresConsultation = true,
        });
        var subject = $"高边经济社排水渠改造征求意见（{run}）";
        var collection = await CreateAsync(projects, "/opinion-collections", new { subject, organisationId = gaobian, projectId = project });
        var register = await projects.GetFromJsonAsync<JsonElement>($"/household-register?organisationId={gaobian}&pageSize=100");
        var heads = register.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("headName").GetString()!).ToList();
        Assert.Equal(48, heads.Count);

        await using var context = await Pages.NewContextAsync(820); // a tablet
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-secretary");
        await page.ClickAsync("nav.account a:text-is('征求意见')");
        await page.ClickAsync($"li[data-collection='{collection}'] h2 a");
        await page.WaitForURLAsync(new Uri(Portal, $"/work/opinions/{collection}").ToString());
        var rows = page.Locator("ol.households li");
        Assert.Equal(48, await rows.CountAsync());
        Assert.Equal("0.0%", (await page.InnerTextAsync("[data-agree-share]")).Trim());
        if (await page.InputValueAsync("#visited-by") == "")
        {
            await page.SelectOptionAsync("#visited-by", new SelectOptionValue { Index = 1 });
        }

        // Agreeing without the signature tick: the Chinese message on that row, the choice kept.
        var first = rows.Nth(0);
        await first.Locator("input[value=Agree]").CheckAsync();
        var refused = await page.RunAndWaitForResponseAsync(() => first.Locator("button.row-save").ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        Assert.Contains("签字", await first.Locator(".field-error").InnerTextAsync());
        Assert.True(await first.Locator("input[value=Agree]").IsCheckedAsync());

        // Signed, then sent twice with the same form (a double click): the household is recorded once.
        await first.Locator("input[name$='.Signed']").CheckAsync();
        var form = await FormFieldsAsync(page, "form.opinion-form");
        var household = await first.GetAttributeAsync("data-household");
        form.Set("Form.Save", household!);
        var twice = await Task.WhenAll(
            context.APIRequest.PostAsync(page.Url, new APIRequestContextOptions { Form = form }),
            context.APIRequest.PostAsync(page.Url, new APIRequestContextOptions { Form = form }));
        Assert.All(twice, r => Assert.Equal(200, r.Status));
        var positions = await projects.GetFromJsonAsync<JsonElement>($"/opinion-collections/{collection}/positions?pageSize=100");
        Assert.Equal(1, Assert.Single(positions.GetProperty("items").EnumerateArray()).GetProperty("revision").GetInt32());
        await page.GotoAsync(new Uri(Portal, $"/work/opinions/{collection}").ToString());
        Assert.Equal("2.1%", (await page.InnerTextAsync("[data-agree-share]")).Trim());

        // The rest of the page: 43 more agree and sign, 2 disagree and sign, 2 abstain; saved at once.
        for (var i = 1; i < 48; i++)
        {
            var row = rows.Nth(i);
            await row.Locator(i < 44 ? "input[value=Agree]" : i < 46 ? "input[value=Disagree]" : "input[value=Abstain]").CheckAsync();
            if (i < 46)
            {
                await row.Locator("input[name$='.Signed']").CheckAsync();
            }
        }

        await page.ClickAsync("button[name='Form.Save'][value=all]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.Locator("p.status[role=status]").CountAsync() == 1, "no confirmation on:\n" + await page.InnerTextAsync("main"));
        Assert.Contains("已保存 47 户", await page.InnerTextAsync("p.status[role=status]"));
        Assert.Equal("91.7%", (await page.InnerTextAsync("[data-agree-share]")).Trim());
        Assert.Contains("已达到 90% 通过线", await page.InnerTextAsync("[data-verdict]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "opinion-checklist-820.png"), FullPage = true });

        // The signature sheet: every household on A4, with the signature column on every page.
        await page.GotoAsync(new Uri(Portal, $"/work/opinions/{collection}/print").ToString());
        var pdf = Path.Combine(BrowserFixture.Screenshots, "opinion-signature-sheet.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        var sheets = (await PdfTextAsync(pdf)).Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.InRange(sheets.Count, 2, 6);
        Assert.Contains("高边经济社征求意见签字表", sheets[0]);
        Assert.All(heads, h => Assert.Contains(sheets, s => s.Contains(h, StringComparison.Ordinal)));
        Assert.All(sheets.Where(s => heads.Any(h => s.Contains(h, StringComparison.Ordinal))), s => Assert.Contains("户主签字", s));
        Assert.Contains("共 48 户", sheets[^1]);

        // Completed: the result is published on the project's public page.
        await page.GotoAsync(new Uri(Portal, $"/work/opinions/{collection}").ToString());
        await page.ClickAsync("button:text-is('结束征求意见并公布结果')");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("征求意见已结束：通过", await page.InnerTextAsync(".verdict"));
        await using var resident = await Browser.Browser.NewContextAsync();
        var board = await resident.NewPageAsync();
        await board.GotoAsync(new Uri(Portal, $"/projects/{project}").ToString());
        var text = await board.InnerTextAsync("main");
        Assert.Contains(subject, text);
        Assert.Contains("同意 44 户", text);
        Assert.Contains("91.7%", text);
        Assert.Contains("已通过", text);
    }

    [Fact]
    public async Task The_secretary_answers_a_request_and_merges_a_duplicate_into_it()
    {
        using var projects = Platform.Client("projects");
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        var run = Guid.NewGuid().ToString("N")[..6];
        var today = Lishui.Shared.Domain.TownCalendar.Today(TimeProvider.System);
        async Task<Guid> RecordAsync(string subject) => await CreateAsync(projects, "/resident-requests", new
        {
            organisationId = hefeng, subject = $"{subject}（{run}）", location = "鹤峰村高边经济社", category = "PublicSecurity", receivedOn = today, recordedBy = "鹤峰村党委",
        });
        var answered = await RecordAsync("高边巷口路灯不亮");
        var duplicate = await RecordAsync("高边巷口路灯晚上不亮，老人出行不便");

        await using var context = await Pages.NewContextAsync(820);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-secretary");
        await page.ClickAsync("nav.account a:text-is('群众诉求办理')");
        Assert.Equal(1, await page.Locator($"tr[data-request='{answered}']").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "work-requests-820.png"), FullPage = true });

        // An empty answer: the service's message beside the field; then the answer.
        await page.ClickAsync($"tr[data-request='{answered}'] a");
        var refused = await page.RunAndWaitForResponseAsync(() => Button(page, "答复").ClickAsync(), r => r.Request.Method == "POST");
        Assert.InRange(refused.Status, 400, 422);
        Assert.Matches("[\u4e00-\u9fff]", await page.InnerTextAsync("#answer ~ form .field-error, form .field-error"));
        await page.FillAsync("#reply", "已报镇城管部门，路灯本周内更换。");
        await Button(page, "答复").ClickAsync();
        Assert.Contains("已答复", await page.InnerTextAsync(".confirmation[role=status]"));
        Assert.Equal("Answered", (await projects.GetFromJsonAsync<JsonElement>($"/resident-requests/{answered}")).GetProperty("status").GetString());

        // The same lamp, reported again: merged into the answered request.
        await page.GotoAsync(new Uri(Portal, $"/work/requests/{duplicate}").ToString());
        await page.SelectOptionAsync("#into", answered.ToString());
        await Button(page, "合并").ClickAsync();
        Assert.Contains("已合并", await page.InnerTextAsync(".confirmation[role=status]"));
        Assert.Equal(answered, (await projects.GetFromJsonAsync<JsonElement>($"/resident-requests/{duplicate}")).GetProperty("mergedIntoRequestId").GetGuid());
    }

    [Fact]
    public async Task A_member_has_no_opinion_screen_and_its_address_answers_403()
    {
        await using var context = await Pages.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-member");
        Assert.DoesNotContain("征求意见", await page.InnerTextAsync("nav.account"));
        var refused = await page.GotoAsync(new Uri(Portal, "/work/opinions").ToString());
        Assert.Equal(403, refused!.Status);
    }

    private static ILocator Button(IPage page, string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

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

    private static async Task<string> PdfTextAsync(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, ArgumentList = { "-layout", pdf, "-" } };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext (poppler-utils) is not installed");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}
