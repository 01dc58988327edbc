using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// Signing in to the portal through the development OpenID provider's real login page, as each demo
/// role, in Debian's Chromium; the services validating the provider's tokens themselves; the secretary's
/// Tuesday checklist reaching the member's points; an access token that ran out refreshed without losing
/// the form being filled in.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class SignInPortalTests(PlatformFixture platform, BrowserFixture browser) : SignedInPortalTest(platform, browser)
{
    public static TheoryData<string, string, string[], string[], string> Roles() => new()
    {
        { "town-admin", "镇党委管理员", ["星期二签到"], ["我的积分"], "/me/points" },
        { "auditor", "审计", [], ["星期二签到", "我的积分"], "/tuesday/attendance" },
        { "hefeng-secretary", "党组织书记", ["星期二签到"], ["我的积分"], "/me/points" },
        { "hefeng-member", "党员", ["我的积分", "本周党建星期二", "我的结对", "我的消息"], ["星期二签到"], "/tuesday/attendance" },
        { "pbo-member", "党员", ["我的积分", "本周党建星期二", "我的结对", "我的消息"], ["星期二签到"], "/tuesday/attendance" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_demo_role_signs_in_on_the_login_page_and_sees_only_what_it_may_use(
        string user, string roleName, string[] inMenu, string[] notInMenu, string forbidden)
    {
        await using var context = await Pages.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, user);

        var menu = await page.InnerTextAsync("nav.account");
        Assert.Contains(roleName, menu);
        foreach (var label in inMenu)
        {
            Assert.Contains(label, menu);
        }

        foreach (var label in notInMenu)
        {
            Assert.DoesNotContain(label, menu);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, $"signed-in-{user}.png"), FullPage = true });

        var refused = await page.GotoAsync(new Uri(Portal, forbidden).ToString());
        Assert.Equal(403, refused!.Status);
        Assert.Contains("无权访问", await page.InnerTextAsync("h1"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, $"forbidden-{user}.png"), FullPage = true });

        // 退出 ends the portal's session and the provider's: the next sign-in asks for the password again.
        await page.ClickAsync("form.signout button");
        await page.WaitForURLAsync(new Uri(Portal, "/").ToString());
        Assert.Equal(1, await page.Locator("p.signin a").CountAsync());
        await page.GotoAsync(new Uri(Portal, "/me").ToString());
        await page.WaitForURLAsync(u => u.Contains("/account/login", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_public_pages_work_signed_out_without_script()
    {
        await using var context = await Pages.NewContextAsync(1280);
        var page = await context.NewPageAsync();
        foreach (var path in new[] { "/", "/notices", "/projects", "/echo-wall" })
        {
            var response = await page.GotoAsync(new Uri(Portal, path).ToString());
            Assert.True(response!.Ok, path);
            Assert.Equal(0, await page.Locator("script").CountAsync());
            Assert.Equal("登录", (await page.InnerTextAsync("p.signin a")).Trim());
        }

        // A signed-in page sends a visitor to the provider's login page first.
        await page.GotoAsync(new Uri(Portal, "/tuesday/attendance").ToString());
        await page.WaitForURLAsync(u => u.Contains("/account/login", StringComparison.Ordinal));
        Assert.Contains("用户名", await page.InnerTextAsync("body"));
    }

    [Fact]
    public async Task The_services_decide_on_the_providers_tokens_as_on_the_towns()
    {
        var (memberToken, memberId) = await Pages.ProviderTokenAsync("hefeng-member");
        using var assessment = Platform.Client("assessment", memberToken);
        Assert.Equal(HttpStatusCode.OK, (await assessment.GetAsync($"/subjects/{memberId}/ledger")).StatusCode);

        // Someone else's ledger: the service refuses the member, whatever the portal would show.
        var (_, otherId) = await Pages.ProviderTokenAsync("pbo-member");
        Assert.Equal(HttpStatusCode.Forbidden, (await assessment.GetAsync($"/subjects/{otherId}/ledger")).StatusCode);

        // A token signed with another key under the provider's name is refused.
        var forged = memberToken[..memberToken.LastIndexOf('.')] + ".AAAA";
        using var forgedClient = Platform.Client("assessment", forged);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forgedClient.GetAsync($"/subjects/{memberId}/ledger")).StatusCode);
    }

    [Fact]
    public async Task The_secretary_records_Tuesday_attendance_and_the_member_sees_the_points_after_the_token_ran_out()
    {
        using var admin = Platform.Client("assessment");
        var member = await Pages.AccountAsync("hefeng-member");
        var memberId = member.GetProperty("memberId").GetGuid();
        // The town has set up Hefeng's points scheme for this year, with a Tuesday study worth points.
        var hefeng = (await Pages.AccountAsync("hefeng-secretary")).GetProperty("organisationId").GetGuid();
        await EnsureSchemeWithAttendanceRuleAsync(admin, hefeng);
        var before = await LedgerCountAsync(admin, memberId);

        await using var secretaryContext = await Pages.NewContextAsync(820); // a tablet
        var page = await secretaryContext.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-secretary");

        // A week the demo did not record: five weeks before this Tuesday.
        var date = Lishui.Shared.Domain.TownCalendar.Today(TimeProvider.System).AddDays(-35);
        await page.GotoAsync(new Uri(Portal, $"/tuesday/attendance?date={date:yyyy-MM-dd}").ToString());
        var rows = page.Locator("ul.checklist li");
        var count = await rows.CountAsync();
        Assert.True(count > 10, $"the checklist lists {count} members");
        var memberRow = page.Locator($"ul.checklist li[data-member='{memberId}']");
        Assert.Equal(1, await memberRow.CountAsync());

        // Half the list, then 暂存: kept on the server.
        for (var i = 0; i < count / 2; i++)
        {
            await rows.Nth(i).Locator("input[value=Present]").CheckAsync();
        }

        await page.ClickAsync("button[value=save]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.Locator("p.status[role=status]").CountAsync() == 1, "no 已暂存 confirmation on:\n" + await page.InnerTextAsync("body"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "attendance-checklist-820.png"), FullPage = true });

        // The access token runs out while the secretary fills in the rest.
        var refreshedBefore = await RedeemedRefreshTokensAsync();
        await Task.Delay(PlatformFixture.AccessTokenLifetime + TimeSpan.FromSeconds(5));
        for (var i = count / 2; i < count; i++)
        {
            await rows.Nth(i).Locator(i == count - 1 ? "input[value=Excused]" : "input[value=Present]").CheckAsync();
        }

        await rows.Nth(count - 1).Locator("input[type=text]").FillAsync("外出务工");
        await page.FillAsync("#topic", "第一议题：学习党中央最新精神");
        await memberRow.Locator("input[value=Present]").CheckAsync();
        await page.ClickAsync("button[value=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(await page.Locator(".confirmation[role=status]").CountAsync() == 1, "no confirmation on:\n" + await page.InnerTextAsync("body"));
        var confirmation = await page.InnerTextAsync(".confirmation[role=status]");
        Assert.Contains("签到已提交", confirmation);
        Assert.True(await RedeemedRefreshTokensAsync() > refreshedBefore, "the portal did not refresh the expired access token");

        // The member signs in and sees the points the attendance earned.
        Assert.True(await SignedInPages.WaitAsync(async () => await LedgerCountAsync(admin, memberId) > before), "no points reached the member's ledger");
        await using var memberContext = await Pages.NewContextAsync(390);
        var memberPage = await memberContext.NewPageAsync();
        await Pages.SignInAsync(memberPage, "hefeng-member");
        await memberPage.GotoAsync(new Uri(Portal, "/me/points").ToString());
        var text = await memberPage.InnerTextAsync("main");
        Assert.Contains("参加组织生活", text);
        var ledger = await admin.GetFromJsonAsync<JsonElement>($"/subjects/{memberId}/ledger?year={DateTime.UtcNow.Year}&pageSize=100");
        var total = ledger.GetProperty("items").EnumerateArray().Sum(e => e.GetProperty("entry").GetProperty("points").GetDecimal());
        Assert.Equal(total.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), (await memberPage.InnerTextAsync("[data-total]")).Trim());
        await memberPage.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "my-points-390.png"), FullPage = true });

        // And reads how that Tuesday was recorded for them.
        await memberPage.GotoAsync(new Uri(Portal, "/me/tuesday").ToString());
        var recorded = memberPage.Locator("table.attendance-history tr", new() { HasTextString = "第一议题：学习党中央最新精神" });
        Assert.Contains("出席", await recorded.First.InnerTextAsync());
    }

    [Fact]
    public async Task A_member_logs_a_contact_in_three_taps_and_reads_the_inbox_and_this_Tuesday()
    {
        var memberId = (await Pages.AccountAsync("pbo-member")).GetProperty("memberId").GetGuid();
        using var pairing = Platform.Client("pairing");
        using var notification = Platform.Client("notification");
        var pairs = await pairing.GetFromJsonAsync<JsonElement>($"/members/{memberId}/member-pairs?pageSize=50");
        var pair = pairs.GetProperty("items").EnumerateArray().First(p => p.GetProperty("active").GetBoolean());
        var pairId = pair.GetProperty("memberPairId").GetGuid();
        var contactsBefore = pair.GetProperty("contacts").GetInt32();

        await using var context = await Pages.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "pbo-member");
        await page.GotoAsync(new Uri(Portal, "/me/pairing").ToString());
        Assert.Contains(pair.GetProperty("partnerName").GetString()!, await page.InnerTextAsync("main"));

        // An empty summary: the service's field message in Chinese, the choices kept.
        await page.CheckAsync($"input[name='Form.PairId'][value='{pairId}']");
        await page.CheckAsync("input[name='Form.Channel'][value=Phone]");
        await page.ClickAsync("form.form button[type=submit]");
        Assert.True(await page.Locator(".field-error").CountAsync() > 0, "no field message on:\n" + await page.InnerTextAsync("body"));
        Assert.Contains("联系内容不能为空", await page.InnerTextAsync(".field-error"));
        Assert.True(await page.IsCheckedAsync("input[name='Form.Channel'][value=Phone]"));

        await page.FillAsync("#summary", "电话提醒参加本周二第一议题学习");
        await page.ClickAsync("form.form button[type=submit]");
        Assert.Contains("已记录", await page.InnerTextAsync("[role=status]"));
        var after = await pairing.GetFromJsonAsync<JsonElement>($"/member-pairs/{pairId}/contacts?pageSize=1");
        Assert.Equal(contactsBefore + 1, after.GetProperty("total").GetInt32());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "my-pairing-390.png"), FullPage = true });

        var unread = (await notification.GetFromJsonAsync<JsonElement>($"/members/{memberId}/notifications/unread")).GetProperty("unread").GetInt32();
        await page.GotoAsync(new Uri(Portal, "/me/inbox").ToString());
        Assert.Equal(unread.ToString(System.Globalization.CultureInfo.InvariantCulture), (await page.InnerTextAsync("[data-unread]")).Trim());

        var tuesday = await page.GotoAsync(new Uri(Portal, "/me/tuesday").ToString());
        Assert.True(tuesday!.Ok);
        Assert.Contains("本周党建星期二", await page.InnerTextAsync("h1"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "my-tuesday-390.png"), FullPage = true });
    }

    private static async Task EnsureSchemeWithAttendanceRuleAsync(HttpClient assessment, Guid organisationId)
    {
        var year = Lishui.Shared.Domain.TownCalendar.Today(TimeProvider.System).Year;
        var dimensions = new[] { ("daily-conduct", "日常行为规范"), ("village-work", "配合村组开展工作"), ("organisational-life", "参加组织生活"), ("volunteer-service", "党员志愿服务"), ("visiting-residents", "走访联系群众") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/schemes")
        {
            Content = JsonContent.Create(new
            {
                organisationId, year, subjectType = "Member", total = 100,
                dimensions = dimensions.Select(d => new { code = d.Item1, name = d.Item2, max = 20 }),
                rules = new[] { new { code = "tuesday-study", eventType = "lishui:pairing:attendance-recorded:v1", dimension = "organisational-life", points = 2, capPerPeriod = 20, period = "Year" } },
            }),
        };
        request.Headers.Add("Idempotency-Key", $"e2e-signin-scheme-{organisationId}-{year}");
        using var response = await assessment.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"creating the {year} scheme: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<int> LedgerCountAsync(HttpClient assessment, Guid memberId) =>
        (await assessment.GetFromJsonAsync<JsonElement>($"/subjects/{memberId}/ledger?pageSize=1")).GetProperty("total").GetInt32();

    /// <summary>Refresh tokens the provider has redeemed (each refresh redeems one), from its own database.</summary>
    private async Task<int> RedeemedRefreshTokensAsync()
    {
        await using var db = new NpgsqlConnection(await Platform.App.GetConnectionStringAsync("identitydb"));
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT count(*) FROM "OpenIddictTokens" WHERE "Type" = 'urn:ietf:params:oauth:token-type:refresh_token' AND "Status" = 'redeemed'""", db);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }
}
