using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// The public board as a resident uses it: Debian's Chromium against the portal, which reads the real
/// services on real PostgreSQL and RabbitMQ, loaded with the demo data. Every figure the pages show is
/// compared with what the owning service's API says.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class PublicPortalTests(PlatformFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly int[] Widths = [360, 1280];

    private Uri portal = null!;

    public async Task InitializeAsync()
    {
        await DemoData.EnsureLoadedAsync(platform);
        portal = platform.App.GetEndpoint("portal", "http");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_public_page_shows_the_services_figures_on_a_phone_and_a_desktop()
    {
        var notice = await HefengNoticeAsync();
        var noticeId = notice.GetProperty("id").GetGuid();
        var open = await OpenNoticeAsync();
        using var assessment = platform.Client("assessment");
        using var projects = platform.Client("projects");
        var results = await assessment.GetFromJsonAsync<JsonElement>($"/notices/{noticeId}?pageSize=50");
        var firstRow = results.GetProperty("results").GetProperty("items")[0];
        var projectList = await projects.GetFromJsonAsync<JsonElement>("/public/projects?pageSize=200");
        var corridor = projectList.GetProperty("items").EnumerateArray().First(p => p.GetProperty("title").GetString()!.Contains("护苗长廊"));
        var road = projectList.GetProperty("items").EnumerateArray().First(p => p.GetProperty("title").GetString() == "高边经济社村道硬底化");
        var wall = await projects.GetFromJsonAsync<JsonElement>("/public/echo-wall?pageSize=20");
        var request = (await projects.GetFromJsonAsync<JsonElement>("/resident-requests?pageSize=1")).GetProperty("items")[0];
        var reference = request.GetProperty("referenceNumber").GetString()!;
        var requestStatus = await projects.GetFromJsonAsync<JsonElement>($"/public/requests/{reference}");

        var pages = new (string Name, string Path, string[] Expected)[]
        {
            ("home", "/", ["本周党建星期二", "正在公示", open.GetProperty("organisationName").GetString()!]),
            ("notices", "/notices", [notice.GetProperty("organisationName").GetString()!, notice.GetProperty("stateLabel").GetString()!]),
            // 2025 in Hefeng went the article's way: published, objected to, answered, final.
            ("notice", $"/notices/{noticeId}", [firstRow.GetProperty("name").GetString()!, Number(firstRow.GetProperty("total")), "已确认", "公示期已结束", "维持公示结果"]),
            ("notice-print", $"/notices/{noticeId}/print", ["里水镇", "公示编号", firstRow.GetProperty("name").GetString()!]),
            ("projects", "/projects", [$"共 {projectList.GetProperty("total").GetInt32()} 个项目"]),
            ("project", $"/projects/{corridor.GetProperty("id").GetGuid()}",
                [corridor.GetProperty("title").GetString()!, corridor.GetProperty("statusText").GetString()!, $"{corridor.GetProperty("rolledUpProgress").GetInt32()}%",
                 "党群共建专项资金：预算"]),
            ("consultation", $"/projects/{road.GetProperty("id").GetGuid()}", ["征求意见", "涉及 48 户", "已通过"]),
            ("request", $"/requests?ref={reference}", [reference, requestStatus.GetProperty("statusText").GetString()!]),
            ("echo-wall", "/echo-wall", [wall.GetProperty("items")[0].GetProperty("text").GetString()!, "我要留言"]),
        };

        foreach (var width in Widths)
        {
            await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "zh-CN" });
            var page = await context.NewPageAsync();
            foreach (var (name, path, expected) in pages)
            {
                var response = await page.GotoAsync(new Uri(portal, path).ToString());
                Assert.True(response!.Ok, $"{path} answered {response.Status}");
                var text = await page.InnerTextAsync("body");
                foreach (var e in expected)
                {
                    Assert.True(text.Contains(e, StringComparison.Ordinal), $"{path} at {width} px does not show '{e}'");
                }

                Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
                Assert.True(await page.Locator("h1").CountAsync() == 1, $"{path} has no single h1");
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                    $"{path} scrolls sideways at {width} px");
                Assert.Empty(await page.EvaluateAsync<string[]>(
                    "() => [...document.querySelectorAll('input:not([type=hidden]),textarea,select')].filter(e => e.labels.length === 0).map(e => e.name || e.id)"));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, $"{name}-{width}.png"), FullPage = true });
            }
        }
    }

    [Fact]
    public async Task An_objection_filed_twice_from_one_form_arrives_once_in_Assessment_with_its_reference()
    {
        var noticeId = (await OpenNoticeAsync()).GetProperty("id").GetGuid();
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ExtraHTTPHeaders = Resident("198.51.100.21") });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal, $"/notices/{noticeId}").ToString());
        var text = $"第三组党员的志愿服务时长登记有误，请核实。{Guid.NewGuid():N}"[..40];
        await page.GetByLabel("异议内容（必填）").FillAsync(text);
        await page.GetByLabel("联系方式（选填，不公开）").FillAsync("13800138000");
        var form = await FormFieldsAsync(page, "form.form");

        // The same form sent twice (a double click, a reload): one objection.
        var first = await context.APIRequest.PostAsync(page.Url, new APIRequestContextOptions { Form = form });
        var second = await context.APIRequest.PostAsync(page.Url, new APIRequestContextOptions { Form = form });
        Assert.Equal(200, first.Status);
        var reference = ReferenceIn(await first.TextAsync());
        Assert.Equal(reference, ReferenceIn(await second.TextAsync()));

        using var assessment = platform.Client("assessment");
        var objections = await assessment.GetFromJsonAsync<JsonElement>($"/notices/{noticeId}/objections?pageSize=200");
        var mine = objections.GetProperty("items").EnumerateArray().Where(o => o.GetProperty("text").GetString() == text).ToList();
        var objection = Assert.Single(mine);
        Assert.EndsWith(reference.ToLowerInvariant(), objection.GetProperty("id").GetGuid().ToString("N"));

        // And the page itself confirms with the reference.
        await page.ReloadAsync();
        await page.GetByLabel("异议内容（必填）").FillAsync("再提一条：请公布评分细则。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await Expect(page, "您的异议已提交");
    }

    [Fact]
    public async Task An_echo_wall_post_from_the_form_arrives_in_PracticalProjects_and_bad_input_keeps_what_was_typed()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ExtraHTTPHeaders = Resident("198.51.100.22") });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal, "/echo-wall").ToString());

        // Nothing written: the service's field message in Chinese, the signature still in its box.
        await page.GetByLabel("署名（选填，不填则匿名）").FillAsync("高边村民老陈");
        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "提交留言" }).ClickAsync(),
            r => r.Request.Method == "POST");
        Assert.InRange(refused.Status, 400, 422);
        Assert.True(await page.Locator(".field-error").CountAsync() >= 1);
        Assert.Matches("[\u4e00-\u9fff]", await page.Locator(".field-error").First.InnerTextAsync());
        Assert.Equal("高边村民老陈", await page.GetByLabel("署名（选填，不填则匿名）").InputValueAsync());

        var text = $"文化驿站周末能否延长开放时间？{Guid.NewGuid():N}"[..30];
        await page.GetByLabel("留言内容（必填）").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交留言" }).ClickAsync();
        await Expect(page, "留言已收到");

        using var projects = platform.Client("projects");
        var posts = await projects.GetFromJsonAsync<JsonElement>("/echo-wall/posts?pageSize=50");
        var post = Assert.Single(posts.GetProperty("items").EnumerateArray(), p => p.GetProperty("text").GetString() == text);
        Assert.Equal("高边村民老陈", post.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task The_notice_prints_on_A4_with_its_header_on_every_page_and_no_row_split()
    {
        var noticeId = (await HefengNoticeAsync()).GetProperty("id").GetGuid();
        using var assessment = platform.Client("assessment");
        var rows = (await assessment.GetFromJsonAsync<JsonElement>($"/notices/{noticeId}?pageSize=200")).GetProperty("results").GetProperty("items")
            .EnumerateArray().Select(r => (Name: r.GetProperty("name").GetString()!, Total: Number(r.GetProperty("total")))).ToList();
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal, $"/notices/{noticeId}/print").ToString());
        var pdf = Path.Combine(BrowserFixture.Screenshots, "notice-print.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });

        var pages = (await PdfTextAsync(pdf)).Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.InRange(pages.Count, 2, rows.Count / 10);
        // The table's header repeats on every page that carries rows (the footer may end on a page of its own).
        Assert.All(pages.Where(p => rows.Any(r => p.Contains(r.Name, StringComparison.Ordinal))), p => Assert.Contains("总分", p));
        foreach (var (name, total) in rows)
        {
            // A row cut by a page break would leave its name and its total on different pages.
            Assert.True(pages.Any(p => p.Split('\n').Any(l => l.Contains(name, StringComparison.Ordinal) && l.Contains(total, StringComparison.Ordinal))),
                $"row {name} ({total}) is not whole on one page");
        }

        Assert.Contains("公示编号", pages[0]);
        Assert.Contains("提交", pages[^1]); // where to object, in the footer
    }

    [Fact]
    public async Task Unknown_addresses_give_a_chinese_404_page_and_too_many_posts_a_readable_429()
    {
        using var http = new HttpClient { BaseAddress = portal };
        foreach (var path in new[] { $"/notices/{Guid.NewGuid()}", $"/notices/{Guid.NewGuid()}/print", $"/projects/{Guid.NewGuid()}", "/requests?ref=ZD2099-99999", "/no-such-page" })
        {
            var response = await http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {response.StatusCode}");
            Assert.Contains("未找到", body);
            Assert.DoesNotContain("Exception", body);
        }

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ExtraHTTPHeaders = Resident("198.51.100.23") });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal, "/echo-wall").ToString());
        var form = await FormFieldsAsync(page, "form.form");
        IAPIResponse? last = null;
        for (var i = 0; i < 12 && last?.Status != 429; i++)
        {
            last = await context.APIRequest.PostAsync(page.Url, new APIRequestContextOptions { Form = form });
        }

        Assert.Equal(429, last!.Status);
        Assert.Contains("提交过于频繁", await last.TextAsync());
        Assert.True(last.Headers.ContainsKey("retry-after"));
    }

    [Fact]
    public async Task Elder_mode_enlarges_the_text_and_is_remembered_on_the_device()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal, "/projects").ToString());
        var before = await FontSizeAsync(page);
        // The switch answers with a redirect back to the page it was pressed on.
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = "长辈模式（大字）" }).ClickAsync(), r => r.Request.RedirectedFrom is not null);
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.EndsWith("/projects", new Uri(page.Url).AbsolutePath);
        Assert.True(await FontSizeAsync(page) >= 18, "elder mode did not apply on the page it was switched on");
        await page.GotoAsync(new Uri(portal, "/echo-wall").ToString());

        Assert.True(await FontSizeAsync(page) >= 18, "elder mode text is below 18 px");
        Assert.True(await FontSizeAsync(page) > before);
        Assert.True(await page.Locator("button").First.EvaluateAsync<double>("b => b.getBoundingClientRect().height") >= 48);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "echo-wall-elder-360.png"), FullPage = true });
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
    }

    private Task<JsonElement> HefengNoticeAsync() => NoticeAsync(n => n.GetProperty("organisationName").GetString()!.Contains("鹤峰村"));

    /// <summary>A notice still taking objections: Gaobian's five-good households, published when the demo was loaded.</summary>
    private Task<JsonElement> OpenNoticeAsync() => NoticeAsync(n => n.GetProperty("state").GetString() == "open");

    private async Task<JsonElement> NoticeAsync(Func<JsonElement, bool> which)
    {
        using var assessment = platform.Client("assessment");
        var notices = await assessment.GetFromJsonAsync<JsonElement>("/public/notices?year=2025&pageSize=50");
        return notices.GetProperty("items").EnumerateArray().First(which);
    }

    private static Dictionary<string, string> Resident(string address) => new() { ["X-Forwarded-For"] = address };

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

    private static string ReferenceIn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "class=\"reference\">([0-9A-F]{8})<") is { Success: true } m
            ? m.Groups[1].Value
            : throw new Xunit.Sdk.XunitException("no reference in the confirmation:\n" + html[..Math.Min(html.Length, 2000)]);

    private static async Task Expect(IPage page, string text) =>
        await page.GetByText(text).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

    private static Task<double> FontSizeAsync(IPage page) =>
        page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.body).fontSize)");

    private static string Number(JsonElement n) => n.GetDecimal().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> PdfTextAsync(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, ArgumentList = { "-layout", pdf, "-" } };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext (poppler-utils) is not installed");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }
}
