using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// The secretary's pairing screens, signed in through the provider's real login page: the organisation
/// pairings, the pairing list (pin a pair, regenerate the rest) and its A4 print, and 联系逾期 — which a
/// member's contact logged on 我的结对 clears.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class PairingPortalTests(PlatformFixture platform, BrowserFixture browser) : SignedInPortalTest(platform, browser)
{
    [Fact]
    public async Task The_secretary_pins_a_pair_regenerates_the_rest_and_prints_the_list_on_A4()
    {
        await using var context = await Pages.NewContextAsync(820); // a tablet
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-secretary");
        Assert.Contains("组织结对", await page.InnerTextAsync("nav.account"));

        await page.GotoAsync(new Uri(Portal, "/pairing").ToString());
        var row = page.Locator("table.pairings tbody tr").First;
        Assert.Contains("鹤峰", await row.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "pairings-820.png"), FullPage = true });
        var pairingId = await row.GetAttributeAsync("data-pairing");
        await row.Locator("a[href$='" + pairingId + "']").ClickAsync();
        await page.WaitForURLAsync(new Uri(Portal, $"/pairing/{pairingId}").ToString());

        // Pin the first pair on the list: it is marked, and a regeneration keeps it.
        var first = page.Locator("table.pairing-list tbody tr").First;
        var pairId = await first.GetAttributeAsync("data-pair");
        var names = (await first.Locator("td").Nth(1).InnerTextAsync(), await first.Locator("th").InnerTextAsync());
        await first.Locator("button").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("已固定", await page.InnerTextAsync("p.status[role=status]"));
        Assert.Contains("已固定", await page.Locator($"tr[data-pair='{pairId}']").InnerTextAsync());

        var revisionBefore = await RevisionAsync(Guid.Parse(pairingId!));
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("结对清单已更新", await page.InnerTextAsync(".confirmation[role=status]"));
        Assert.Equal(revisionBefore + 1, await RevisionAsync(Guid.Parse(pairingId!)));
        var kept = page.Locator("table.pairing-list tbody tr", new PageLocatorOptions { HasText = names.Item2 });
        Assert.Contains(names.Item1, await kept.InnerTextAsync());
        Assert.Contains("已固定", await kept.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "pairing-list-820.png"), FullPage = true });

        // The whole list on A4: every pair whole on one line, the header on every page.
        using var pairing = Platform.Client("pairing");
        var list = await pairing.GetFromJsonAsync<JsonElement>($"/organisation-pairings/{pairingId}/pairing-list");
        var pairs = list.GetProperty("pairs").EnumerateArray()
            .Select(p => (Organ: p.GetProperty("organMemberName").GetString()!, Village: p.GetProperty("villageMemberName").GetString()!)).ToList();
        await page.GotoAsync(new Uri(Portal, $"/pairing/{pairingId}/print").ToString());
        var pdf = Path.Combine(BrowserFixture.Screenshots, "pairing-list-print.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        var printed = (await PdfTextAsync(pdf)).Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.InRange(printed.Count, 2, pairs.Count / 10);
        Assert.Contains("党员结对清单", printed[0]);
        Assert.All(printed.Where(p => pairs.Any(r => p.Contains(r.Village, StringComparison.Ordinal))), p => Assert.Contains("结对日期", p));
        foreach (var (organ, village) in pairs)
        {
            Assert.True(printed.Any(p => p.Split('\n').Any(l => l.Contains(organ, StringComparison.Ordinal) && l.Contains(village, StringComparison.Ordinal))),
                $"pair {organ} – {village} is not whole on one line");
        }
    }

    [Fact]
    public async Task A_member_logs_a_contact_and_the_secretarys_overdue_list_shows_the_pair_done()
    {
        var memberId = (await Pages.AccountAsync("pbo-member")).GetProperty("memberId").GetGuid();
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        using var pairing = Platform.Client("pairing");
        // The demo keeps one of 吴晓燕's pairs six weeks without contact.
        var late = (await pairing.GetFromJsonAsync<JsonElement>($"/organisations/{hefeng}/contact-status?overdue=true&pageSize=200"))
            .GetProperty("items").EnumerateArray().First(p => p.GetProperty("organMemberId").GetGuid() == memberId);
        var pairId = late.GetProperty("memberPairId").GetGuid();

        await using var secretaryContext = await Pages.NewContextAsync(820);
        var secretary = await secretaryContext.NewPageAsync();
        await Pages.SignInAsync(secretary, "hefeng-secretary");
        await GotoOverdueAsync(secretary, pairId, "overdue");
        var before = secretary.Locator($"tr[data-pair='{pairId}']");
        Assert.Equal("true", await before.GetAttributeAsync("data-overdue"));
        Assert.Contains("逾期", await before.InnerTextAsync());
        await secretary.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "pairing-overdue-820.png"), FullPage = true });

        await using var memberContext = await Pages.NewContextAsync(390);
        var member = await memberContext.NewPageAsync();
        await Pages.SignInAsync(member, "pbo-member");
        await member.GotoAsync(new Uri(Portal, "/me/pairing").ToString());
        await member.CheckAsync($"input[name='Form.PairId'][value='{pairId}']");
        await member.CheckAsync("input[name='Form.Channel'][value=Visit]");
        await member.FillAsync("#summary", "入户走访，了解家庭近况和对征地修路的意见");
        await member.ClickAsync("form.form button[type=submit]");
        Assert.Contains("已记录", await member.InnerTextAsync("[role=status]"));

        // Off the overdue list; among all pairs, in contact on time, last contact today.
        await secretary.GotoAsync(new Uri(Portal, "/pairing/overdue").ToString());
        Assert.Equal(0, await secretary.Locator($"tr[data-pair='{pairId}']").CountAsync());
        await GotoOverdueAsync(secretary, pairId, "all");
        var after = secretary.Locator($"tr[data-pair='{pairId}']");
        Assert.Equal("false", await after.GetAttributeAsync("data-overdue"));
        var text = await after.InnerTextAsync();
        Assert.Contains("已按时联系", text);
        var today = Lishui.Shared.Domain.TownCalendar.Today(TimeProvider.System);
        Assert.Contains($"{today.Year}年{today.Month}月{today.Day}日", text);
        await secretary.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "pairing-contacts-all-820.png"), FullPage = true });
    }

    [Fact]
    public async Task A_member_has_no_pairing_screens_and_their_addresses_give_403()
    {
        await using var context = await Pages.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-member");
        var menu = await page.InnerTextAsync("nav.account");
        Assert.DoesNotContain("组织结对", menu);
        Assert.DoesNotContain("联系逾期", menu);
        foreach (var path in new[] { "/pairing", "/pairing/overdue" })
        {
            Assert.Equal(403, (await page.GotoAsync(new Uri(Portal, path).ToString()))!.Status);
        }
    }

    [Fact]
    public async Task The_secretary_skips_and_moves_a_week_with_a_reason_and_prints_the_sign_in_sheet()
    {
        await using var context = await Pages.NewContextAsync(820);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-secretary");
        await page.GotoAsync(new Uri(Portal, "/tuesday/calendar").ToString());
        var scheduled = page.Locator("table.study-calendar tbody tr[data-status=Scheduled]");
        Assert.True(await scheduled.CountAsync() >= 3, "fewer than three scheduled weeks on:\n" + await page.InnerTextAsync("main"));
        var skipWeek = await scheduled.Last.GetAttributeAsync("data-week");
        var moveWeek = await scheduled.Nth(await scheduled.CountAsync() - 2).GetAttributeAsync("data-week");

        // No reason: refused beside the field, the choice kept.
        await page.Locator($"tr[data-week='{skipWeek}'] a", new PageLocatorOptions { HasText = "取消或调整" }).ClickAsync();
        await page.CheckAsync("input[name='Form.Action'][value=skip]");
        await page.ClickAsync("#change button[type=submit]");
        Assert.Contains("原因", await page.InnerTextAsync("#reason-error"));
        Assert.True(await page.IsCheckedAsync("input[name='Form.Action'][value=skip]"));
        await page.FillAsync("#reason", "国庆假期，本周不安排学习");
        await page.ClickAsync("#change button[type=submit]");
        Assert.Contains("已取消", await page.InnerTextAsync(".confirmation[role=status]"));
        Assert.Equal("Skipped", await page.Locator($"tr[data-week='{skipWeek}']").GetAttributeAsync("data-status"));
        Assert.Contains("国庆假期", await page.Locator($"tr[data-week='{skipWeek}']").InnerTextAsync());

        // Moved to the Wednesday at 15:00.
        await page.Locator($"tr[data-week='{moveWeek}'] a", new PageLocatorOptions { HasText = "取消或调整" }).ClickAsync();
        await page.CheckAsync("input[name='Form.Action'][value=move]");
        var wednesday = DateOnly.ParseExact(moveWeek!, "yyyy-MM-dd").AddDays(1);
        await page.FillAsync("#move-date", wednesday.ToString("yyyy-MM-dd"));
        await page.FillAsync("#move-time", "15:00");
        await page.FillAsync("#reason", "与镇党委中心组学习时间冲突");
        await page.ClickAsync("#change button[type=submit]");
        Assert.Contains("已调整", await page.InnerTextAsync(".confirmation[role=status]"));
        var moved = page.Locator($"tr[data-week='{moveWeek}']");
        Assert.Equal("Moved", await moved.GetAttributeAsync("data-status"));
        Assert.Contains("星期三 15:00", await moved.InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "tuesday-calendar-820.png"), FullPage = true });

        // The sign-in sheet of a session, from the attendance checklist: every expected member, a signature column.
        var date = Lishui.Shared.Domain.TownCalendar.Today(TimeProvider.System).AddDays(-28);
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        using var pairing = Platform.Client("pairing");
        var tuesday = await pairing.GetFromJsonAsync<JsonElement>($"/organisations/{hefeng}/this-tuesday?date={date:yyyy-MM-dd}");
        var expected = tuesday.GetProperty("sessions").EnumerateArray().First(s => s.GetProperty("expectedCount").GetInt32() > 0)
            .GetProperty("expected").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
        await page.GotoAsync(new Uri(Portal, $"/tuesday/attendance?date={date:yyyy-MM-dd}").ToString());
        await page.ClickAsync("a.sheet");
        await page.WaitForURLAsync(u => u.Contains("/tuesday/sign-in-sheet", StringComparison.Ordinal));
        var pdf = Path.Combine(BrowserFixture.Screenshots, "tuesday-sign-in-sheet.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4", PrintBackground = true });
        var printed = (await PdfTextAsync(pdf)).Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.Contains("第一议题学习签到表", printed[0]);
        Assert.All(printed.Where(p => expected.Any(n => p.Contains(n, StringComparison.Ordinal))), p => Assert.Contains("本人签名", p));
        var text = string.Join("\n", printed);
        Assert.All(expected, n => Assert.Contains(n, text));
        Assert.Contains($"应到 {expected.Count} 人", text);
    }

    [Fact]
    public async Task The_secretary_records_a_stationing_visit_and_a_residents_request_on_a_phone()
    {
        await using var context = await Pages.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-secretary");
        await page.GotoAsync(new Uri(Portal, "/stationing").ToString());
        Assert.Contains("驻", await page.InnerTextAsync("section.schedule h2"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "stationing-390.png"), FullPage = true });
        await page.Locator("li[data-held=false] a", new PageLocatorOptions { HasText = "记录驻点" }).First.ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("/record?on=", StringComparison.Ordinal));
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the form is wider than the phone");

        // A wrong phone number: the visit is recorded, the request refused beside the field, its text kept.
        await page.FillAsync("#notes", "驻点领导接待村民 6 人次，听取修路和接送点的意见。");
        await page.FillAsync("#subject", "村口路灯损坏，夜间接送学生不安全");
        await page.FillAsync("#location", "鹤峰村村口大榕树旁");
        await page.SelectOptionAsync("#category", "PublicSecurity");
        await page.FillAsync("#resident-name", "梁志强");
        await page.FillAsync("#phone", "12345");
        await page.ClickAsync("form.form button[type=submit]");
        Assert.Contains("手机号码", await page.InnerTextAsync("#contactPhone-error"));
        Assert.Equal("村口路灯损坏，夜间接送学生不安全", await page.InputValueAsync("#subject"));
        Assert.Equal(0, await page.Locator("#notes").CountAsync()); // the visit itself is recorded

        await page.FillAsync("#phone", "13800138000");
        await page.ClickAsync("form.form button[type=submit]");
        Assert.True(await page.Locator(".confirmation .reference").CountAsync() == 1, "no reference number on:\n" + await page.InnerTextAsync("main"));
        var reference = (await page.InnerTextAsync(".confirmation .reference")).Trim();
        Assert.StartsWith("ZD", reference);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "stationing-record-390.png"), FullPage = true });

        // Passed on to PracticalProjects, as every request raised at a visit.
        using var pairing = Platform.Client("pairing");
        using var projects = Platform.Client("projects");
        var raised = (await pairing.GetFromJsonAsync<JsonElement>($"/resident-requests?reference={reference}")).GetProperty("items")[0];
        Assert.Equal("村口路灯损坏，夜间接送学生不安全", raised.GetProperty("subject").GetString());
        var id = raised.GetProperty("id").GetGuid();
        Assert.True(await SignedInPages.WaitAsync(async () =>
            (await projects.GetFromJsonAsync<JsonElement>($"/resident-requests?pairingRequestId={id}")).GetProperty("total").GetInt32() == 1),
            "the request did not reach PracticalProjects");
    }

    /// <summary>Pages through the secretary's list until the pair's row shows (a list is 20 rows a page).</summary>
    private async Task GotoOverdueAsync(IPage page, Guid pairId, string show)
    {
        for (var n = 1; n <= 20; n++)
        {
            await page.GotoAsync(new Uri(Portal, $"/pairing/overdue?show={show}&page={n}").ToString());
            if (await page.Locator($"tr[data-pair='{pairId}']").CountAsync() == 1 || await page.Locator("table.contact-status tbody tr").CountAsync() == 0)
            {
                return;
            }
        }
    }

    private async Task<int> RevisionAsync(Guid pairingId)
    {
        using var pairing = Platform.Client("pairing");
        return (await pairing.GetFromJsonAsync<JsonElement>($"/organisation-pairings/{pairingId}")).GetProperty("listRevision").GetInt32();
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
