using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// "答复了但没解决" on the 诉求查询 page: after an answer the page offers the form; a resident who says it did
/// not solve the problem reopens the request in PracticalProjects, and the page then lists the step with the reason.
/// </summary>
[Collection(DemoPlatformCollection.Name)]
public sealed class RequestNotSolvedPortalTests(PlatformFixture platform, BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private Uri portal = null!;

    public async Task InitializeAsync()
    {
        await DemoData.EnsureLoadedAsync(platform);
        portal = platform.App.GetEndpoint("portal", "http");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_resident_says_an_answered_request_was_not_solved_and_the_page_shows_it_reopened_with_the_reason()
    {
        using var projects = platform.Client("projects");
        var any = (await projects.GetFromJsonAsync<JsonElement>("/resident-requests?pageSize=1")).GetProperty("items")[0];
        using var recorded = await projects.PostAsJsonAsync("/resident-requests", new
        {
            organisationId = any.GetProperty("organisationId").GetGuid(), subject = "村口积水，雨天无法通行", location = "村口", category = "RuralRevitalisation",
            recordedBy = "村党群服务中心",
        });
        recorded.EnsureSuccessStatusCode();
        var request = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        var id = request.GetProperty("id").GetGuid();
        var reference = request.GetProperty("referenceNumber").GetString()!;

        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "zh-CN", ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = "198.51.100.31" },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal, $"/requests?ref={reference}").ToString());
        Assert.DoesNotContain("问题没有解决？", await page.InnerTextAsync("body"), StringComparison.Ordinal); // not answered yet

        (await projects.PostAsJsonAsync($"/resident-requests/{id}/answer", new { reply = "已清理排水沟。" })).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await page.GetByText("问题没有解决？").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        // An empty reason is refused beside the form, nothing reopened.
        await page.GetByRole(AriaRole.Button, new() { Name = "反映未解决" }).ClickAsync();
        await page.GetByText("请说明为什么没有解决").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Equal("Answered", (await projects.GetFromJsonAsync<JsonElement>($"/resident-requests/{id}")).GetProperty("status").GetString());

        await page.GetByLabel("还有什么没有解决（必填，不超过 500 字）").FillAsync("排水沟清了，但下大雨还是积水");
        await page.GetByRole(AriaRole.Button, new() { Name = "反映未解决" }).ClickAsync();
        await page.GetByText("已收到您的反馈").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        var text = await page.InnerTextAsync("body");
        Assert.Contains("群众反映未解决，重新办理", text, StringComparison.Ordinal);
        Assert.Contains("排水沟清了，但下大雨还是积水", text, StringComparison.Ordinal);
        Assert.Equal("Reopened", (await projects.GetFromJsonAsync<JsonElement>($"/resident-requests/{id}")).GetProperty("status").GetString());
        var status = await projects.GetFromJsonAsync<JsonElement>($"/public/requests/{reference}");
        Assert.Single(status.GetProperty("history").EnumerateArray(), h => h.GetProperty("status").GetString() == "Reopened");
    }
}
