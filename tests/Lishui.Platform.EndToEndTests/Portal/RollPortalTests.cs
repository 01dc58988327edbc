using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// The roll (党员名册) in the portal, signed in through the provider's login page: a secretary searches
/// their own village's roll, opens a member's history and reads the clear contact only with a stated
/// purpose the service logs; the town sees every village; a secretary of another village sees nothing of
/// 鹤峰村's roll, on the screen or through the API with the provider's token.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class RollPortalTests(PlatformFixture platform, BrowserFixture browser) : SignedInPortalTest(platform, browser)
{
    [Fact]
    public async Task The_secretary_searches_the_villages_roll_and_reads_a_contact_only_with_a_purpose()
    {
        var member = await Pages.AccountAsync("hefeng-member");
        var memberId = member.GetProperty("memberId").GetGuid();
        await using var context = await Pages.NewContextAsync(820); // a tablet
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-secretary");
        Assert.Contains("党员名册", await page.InnerTextAsync("nav.account"));

        await page.GotoAsync(new Uri(Portal, "/roll").ToString());
        Assert.Equal("党员名册", (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal(20, await page.Locator("table.roll tbody tr").CountAsync());
        Assert.True(Total(await page.InnerTextAsync("p.actions")) >= 86, "the village's roll holds fewer than its 86 demo members");
        Assert.Equal(1, await page.Locator("nav.pager a[rel=next]").CountAsync());
        // Masked as the service returns it: never a whole phone number on the list.
        foreach (var cell in await page.Locator("table.roll tbody tr td.masked").AllInnerTextsAsync())
        {
            Assert.True(cell == "—" || cell.Contains('*'), $"an unmasked value on the roll: {cell}");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "roll-list-820.png"), FullPage = true });

        // Search by name, then a filter that leaves nobody: a Chinese empty state.
        await page.FillAsync("#name", "周丽华");
        await page.ClickAsync("form.roll-filters button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("name=", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator($"table.roll tbody tr[data-member='{memberId}']").CountAsync());
        await page.SelectOptionAsync("#status", "Deceased");
        await page.ClickAsync("form.roll-filters button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("没有符合条件的党员", await page.InnerTextAsync("main"));

        // A year joined that is not a year: the field's message in Chinese, the input kept.
        var wrongYear = await page.GotoAsync(new Uri(Portal, "/roll?name=%E5%91%A8&joinedYear=abc").ToString());
        Assert.Equal(400, wrongYear!.Status);
        Assert.Contains("入党年份", await page.InnerTextAsync(".field-error"));
        Assert.Equal("周", await page.InputValueAsync("#name"));
        Assert.Equal("abc", await page.InputValueAsync("#joinedYear"));

        // The member's page: history and transfers, the contact still masked.
        await page.GotoAsync(new Uri(Portal, $"/roll/members/{memberId}").ToString());
        Assert.Equal("周丽华", (await page.InnerTextAsync("h1")).Trim());
        var text = await page.InnerTextAsync("main");
        Assert.Contains("状态变更记录", text);
        Assert.Contains("组织关系转接", text);
        Assert.Contains("*", await page.InnerTextAsync("[data-field=phone]"));

        // No purpose: refused in Chinese, nothing read, nothing logged.
        using var membership = Platform.Client("membership");
        var logged = await LogCountAsync(membership, memberId);
        await page.ClickAsync("section.contact-read button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("用途", await page.InnerTextAsync("#purpose-error"));
        Assert.Contains("*", await page.InnerTextAsync("[data-field=phone]"));
        Assert.Equal(logged, await LogCountAsync(membership, memberId));

        // With a purpose: the clear number on this page only, and the read in Membership's log under the secretary's name.
        await page.FillAsync("#purpose", "电话通知参加党建星期二学习");
        await page.ClickAsync("section.contact-read button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        var phone = (await page.InnerTextAsync("[data-field=phone]")).Trim();
        Assert.Matches("^1[3-9][0-9]{9}$", phone);
        Assert.Contains("已记入个人信息访问日志", await page.InnerTextAsync(".confirmation"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "roll-member-contact-820.png"), FullPage = true });
        var log = await membership.GetFromJsonAsync<JsonElement>($"/personal-data-access-log?memberId={memberId}&pageSize=1");
        var entry = log.GetProperty("items")[0];
        Assert.Equal("电话通知参加党建星期二学习", entry.GetProperty("purpose").GetString());
        Assert.Equal(logged + 1, log.GetProperty("total").GetInt32());

        // Back on the page: masked again.
        await page.GotoAsync(new Uri(Portal, $"/roll/members/{memberId}").ToString());
        Assert.DoesNotContain(phone, await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task The_town_sees_every_village_on_the_roll_and_a_member_does_not_see_the_roll()
    {
        await using var context = await Pages.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "town-admin");
        await page.GotoAsync(new Uri(Portal, "/roll?name=%E5%86%AF%E6%B0%B8%E5%BA%B7").ToString()); // 冯永康, 洲村
        Assert.Contains("冯永康", await page.InnerTextAsync("table.roll"));
        await page.GotoAsync(new Uri(Portal, "/roll?name=%E5%BC%A0%E5%BB%BA%E5%9B%BD").ToString()); // 张建国, 鹤峰村
        Assert.Contains("张建国", await page.InnerTextAsync("table.roll"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "roll-town-1280.png"), FullPage = true });

        await using var memberContext = await Pages.NewContextAsync(390);
        var memberPage = await memberContext.NewPageAsync();
        await Pages.SignInAsync(memberPage, "hefeng-member");
        Assert.DoesNotContain("党员名册", await memberPage.InnerTextAsync("nav.account"));
        var refused = await memberPage.GotoAsync(new Uri(Portal, "/roll").ToString());
        Assert.Equal(403, refused!.Status);
    }

    [Fact]
    public async Task A_secretary_of_another_village_sees_nothing_of_Hefengs_roll_on_the_screen_or_through_the_API()
    {
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        var hefengMember = (await Pages.AccountAsync("hefeng-member")).GetProperty("memberId").GetGuid();
        var zhoucun = (await Pages.AccountAsync("zhoucun-secretary")).GetProperty("organisationId").GetGuid();

        await using var context = await Pages.NewContextAsync(390); // a phone
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "zhoucun-secretary");
        Assert.Contains("党组织书记", await page.InnerTextAsync("nav.account"));

        // Their own roll: 洲村's members, none of 鹤峰村's.
        await page.GotoAsync(new Uri(Portal, "/roll").ToString());
        var roll = await page.InnerTextAsync("main");
        Assert.Contains("冯永康", roll);
        Assert.InRange(Total(await page.InnerTextAsync("p.actions")), 10, 20);
        Assert.DoesNotContain("鹤峰", roll);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "roll-zhoucun-390.png"), FullPage = true });

        // A Hefeng name: nobody.
        await page.FillAsync("#name", "张建国");
        await page.ClickAsync("form.roll-filters button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("name=", StringComparison.Ordinal));
        Assert.Contains("没有符合条件的党员", await page.InnerTextAsync("main"));
        Assert.Equal(0, await page.Locator("table.roll").CountAsync());

        // Hefeng's organisation or a Hefeng member by address: refused, in Chinese.
        var byOrganisation = await page.GotoAsync(new Uri(Portal, $"/roll?organisationId={hefeng}").ToString());
        Assert.Equal(403, byOrganisation!.Status);
        Assert.Contains("无权查看该组织的党员名册", await page.InnerTextAsync("main"));
        var byMember = await page.GotoAsync(new Uri(Portal, $"/roll/members/{hefengMember}").ToString());
        Assert.Contains(byMember!.Status, new[] { 403, 404 });
        Assert.Contains("无权查看该党员", await page.InnerTextAsync("h1"));
        Assert.DoesNotContain("周丽华", await page.InnerTextAsync("main"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "roll-zhoucun-refused-390.png"), FullPage = true });

        // The service itself refuses the provider's token for Hefeng, whatever the portal shows.
        var (token, _) = await Pages.ProviderTokenAsync("zhoucun-secretary");
        using var membership = Platform.Client("membership", token);
        Assert.Equal(HttpStatusCode.OK, (await membership.GetAsync($"/members?organisationId={zhoucun}&includeDescendants=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await membership.GetAsync($"/members?organisationId={hefeng}&includeDescendants=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await membership.GetAsync($"/members/{hefengMember}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await membership.GetAsync($"/members/{hefengMember}/contact?purpose=x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await membership.GetAsync($"/members/export.csv?organisationId={hefeng}&includeDescendants=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await membership.GetAsync("/members")).StatusCode);
    }

    [Fact]
    public async Task The_secretary_imports_a_GBK_roll_with_a_report_per_row_and_exports_the_roll_masked()
    {
        // Two members a secretary keeps in Excel (GBK), one row with a wrong ID number.
        var suffix = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var first = $"导入甲{suffix}";
        var idNumber = WalkingSkeletonTests.SyntheticIdNumber(new DateOnly(1990, 4, 2), female: true);
        var csv = string.Join("\r\n",
            "姓名,性别,出生日期,身份证号,手机号码,入党日期,转正日期,所属组织",
            $"{first},女,1990-04-02,{idNumber},13912345678,2015-07-01,2016-07-01,高边党群小组",
            $"导入乙{suffix},男,1988-09-09,{WalkingSkeletonTests.SyntheticIdNumber(new DateOnly(1988, 9, 9), female: false)},,2012-07-01,2013-07-01,岑岗党群小组",
            $"导入丙{suffix},男,1980-01-01,440605198001011234,,2010-07-01,2011-07-01,高边党群小组") + "\r\n";
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gbk = System.Text.Encoding.GetEncoding(936).GetBytes(csv);

        await using var context = await Pages.NewContextAsync(820);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-secretary");
        await page.GotoAsync(new Uri(Portal, "/roll/import").ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "roll-import-820.png"), FullPage = true });

        // Told it is UTF-8, the GBK file is refused with the reason, before anything reaches Membership.
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "名册.csv", MimeType = "text/csv", Buffer = gbk });
        await page.CheckAsync("input[name='Form.Encoding'][value=utf-8]");
        await page.CheckAsync("input[name='Form.Mode'][value=partial]");
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("不是 UTF-8 编码", await page.InnerTextAsync("#encoding-error"));

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "名册.csv", MimeType = "text/csv", Buffer = gbk });
        await page.CheckAsync("input[name='Form.Encoding'][value=gbk]");
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync(u => u.Contains("/roll/imports/", StringComparison.Ordinal));
        Assert.True(await SignedInPages.WaitAsync(async () =>
        {
            if (await page.Locator("[data-import-status=Completed]").CountAsync() == 1)
            {
                return true;
            }

            await page.ReloadAsync();
            return false;
        }), "the import did not finish:\n" + await page.InnerTextAsync("main"));
        Assert.Equal("2", (await page.InnerTextAsync("[data-imported]")).Trim());
        Assert.Equal("1", (await page.InnerTextAsync("[data-errors]")).Trim());
        var report = await page.InnerTextAsync("table.import-errors");
        Assert.Contains("第 4 行", report);
        Assert.Contains("身份证号", report);
        Assert.Equal("100", await page.GetAttributeAsync("[role=progressbar]", "aria-valuenow"));
        Assert.Equal(0, await page.Locator("meta[http-equiv=refresh]").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "roll-import-report-820.png"), FullPage = true });

        // The masked export of what was found, downloaded through the portal.
        await page.GotoAsync(new Uri(Portal, $"/roll?name={Uri.EscapeDataString(first)}").ToString());
        Assert.Contains(first, await page.InnerTextAsync("table.roll"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("a[download]"));
        var exported = await File.ReadAllTextAsync((await download.PathAsync())!, System.Text.Encoding.UTF8);
        Assert.Contains(first, exported);
        Assert.DoesNotContain(idNumber, exported);
        Assert.DoesNotContain("13912345678", exported);
        Assert.Contains(idNumber[..6], exported);
        Assert.Equal(2, exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_town_adds_renames_and_moves_an_organisation_in_the_tree()
    {
        using var membership = Platform.Client("membership");
        var organisations = await membership.GetFromJsonAsync<JsonElement>($"/organisations?name={Uri.EscapeDataString("横江村")}&pageSize=50");
        Guid Find(string name) => organisations.GetProperty("items").EnumerateArray().Single(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
        var committee = Find("横江村党委");
        var branch = Find("横江村党支部");
        var suffix = Random.Shared.Next(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);

        await using var context = await Pages.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "town-admin");
        Assert.Contains("组织架构", await page.InnerTextAsync("nav.account"));
        await page.GotoAsync(new Uri(Portal, "/town/organisations").ToString());
        Assert.Contains("鹤峰村党委", await page.InnerTextAsync("nav.org-tree"));
        await page.ClickAsync($"li[data-organisation='{branch}'] > a");
        await page.WaitForURLAsync(u => u.Contains($"selected={branch}", StringComparison.Ordinal));

        // No name: the field's message, nothing created.
        await page.ClickAsync("form.org-create button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("名称", await page.InnerTextAsync("form.org-create .field-error"));

        await page.FillAsync("#child-name", $"江心党群小组{suffix}");
        await page.FillAsync("#child-cooperative", $"江心经济社{suffix}");
        await page.ClickAsync("form.org-create button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("已在横江村党支部下新增", await page.InnerTextAsync(".confirmation"));
        var created = Guid.Parse((await page.GetAttributeAsync("section.org-actions", "data-selected"))!);
        Assert.Equal(1, await page.Locator($"li[data-organisation='{branch}'] li[data-organisation='{created}']").CountAsync());

        await page.FillAsync("#new-name", $"江心村民小组党群小组{suffix}");
        await page.ClickAsync("form.org-rename button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("已更名", await page.InnerTextAsync(".confirmation"));

        await page.SelectOptionAsync("#new-parent", committee.ToString());
        await page.ClickAsync("form.org-move button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("横江村党委之下", await page.InnerTextAsync(".confirmation"));
        Assert.Equal(1, await page.Locator($"li[data-organisation='{committee}'] > ul > li[data-organisation='{created}']").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "town-organisations-1280.png"), FullPage = true });

        var stored = await membership.GetFromJsonAsync<JsonElement>($"/organisations/{created}");
        Assert.Equal($"江心村民小组党群小组{suffix}", stored.GetProperty("name").GetString());
        Assert.Equal(committee, stored.GetProperty("parentId").GetGuid());

        // A secretary may not use the editor.
        await using var secretaryContext = await Pages.NewContextAsync(820);
        var secretaryPage = await secretaryContext.NewPageAsync();
        await Pages.SignInAsync(secretaryPage, "hefeng-secretary");
        Assert.DoesNotContain("组织架构", await secretaryPage.InnerTextAsync("nav.account"));
        Assert.Equal(403, (await secretaryPage.GotoAsync(new Uri(Portal, "/town/organisations").ToString()))!.Status);
    }

    private static int Total(string summary) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(summary, "共 ([0-9]+) 人").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> LogCountAsync(HttpClient membership, Guid memberId) =>
        (await membership.GetFromJsonAsync<JsonElement>($"/personal-data-access-log?memberId={memberId}&pageSize=1")).GetProperty("total").GetInt32();
}
