using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>A member chooses the channels and quiet hours of their messages in the portal; Notification keeps them.</summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class MessageSettingsPortalTests(PlatformFixture platform, BrowserFixture browser) : SignedInPortalTest(platform, browser)
{
    [Fact]
    public async Task A_member_sets_channels_and_quiet_hours_and_an_incomplete_form_keeps_the_choices()
    {
        var memberId = (await Pages.AccountAsync("hefeng-member")).GetProperty("memberId").GetGuid();
        await using var context = await Pages.NewContextAsync(390);
        var page = await context.NewPageAsync();
        await Pages.SignInAsync(page, "hefeng-member");
        await page.GotoAsync(new Uri(Pages.Portal, "/me/preferences").ToString());
        Assert.Equal("消息设置", (await page.InnerTextAsync("h1")).Trim());

        // Quiet hours with no end: a Chinese field message, the other choices kept.
        await page.CheckAsync("input[name='Form.Sms']");
        await page.FillAsync("#quiet-start", "21:30");
        await page.FillAsync("#quiet-end", string.Empty);
        await page.ClickAsync("form.form button[type=submit]");
        Assert.Contains("免打扰", await page.InnerTextAsync(".field-error"));
        Assert.True(await page.IsCheckedAsync("input[name='Form.Sms']"));
        Assert.Equal("21:30", await page.InputValueAsync("#quiet-start"));

        await page.FillAsync("#quiet-end", "07:30");
        await page.UncheckAsync("input[name='Form.Email']");
        await page.ClickAsync("form.form button[type=submit]");
        Assert.Contains("已保存", await page.InnerTextAsync("[role=status]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.Screenshots, "my-message-settings-390.png"), FullPage = true });

        using var notification = Platform.Client("notification");
        var saved = await notification.GetFromJsonAsync<JsonElement>($"/members/{memberId}/preferences");
        Assert.Equal(["Inbox", "Sms"], saved.GetProperty("channels").EnumerateArray().Select(c => c.GetString()!).Order());
        Assert.Equal("21:30", saved.GetProperty("quietHours").GetProperty("start").GetString());
        Assert.Equal("07:30", saved.GetProperty("quietHours").GetProperty("end").GetString());
    }
}
