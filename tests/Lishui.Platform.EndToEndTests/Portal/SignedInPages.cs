using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Lishui.Platform.EndToEndTests.Portal;

/// <summary>
/// Signing in to the portal the way a person does (the development provider's real login page), and
/// the demo accounts and provider tokens the signed-in browser tests share.
/// </summary>
public sealed class SignedInPages(PlatformFixture platform, BrowserFixture browser)
{
    /// <summary>The demo accounts' one documented password (deploy/local/seed/devtoken.py).</summary>
    public const string Password = "lishui2026";

    public Uri Portal => platform.App.GetEndpoint("portal", "http");

    public Task<IBrowserContext> NewContextAsync(int width) =>
        browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 900 }, Locale = "zh-CN" });

    public async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync(new Uri(Portal, "/signin?returnUrl=%2Fme").ToString());
        await page.WaitForURLAsync(u => u.Contains("/account/login", StringComparison.Ordinal));
        Assert.Contains("登录", await page.InnerTextAsync("h1"));
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(new Uri(Portal, "/me").ToString());
        Assert.Equal("我的工作台", (await page.InnerTextAsync("h1")).Trim());
    }

    public async Task<JsonElement> AccountAsync(string user)
    {
        var accounts = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(platform.StateDir, "dev-accounts.json"))).RootElement;
        return accounts.EnumerateArray().Single(a => a.GetProperty("userName").GetString() == user);
    }

    /// <summary>A token from the provider by the code flow the portal uses, outside the browser.</summary>
    public async Task<(string Token, Guid MemberId)> ProviderTokenAsync(string user)
    {
        await using var context = await NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await SignInAsync(page, user);
        var account = await AccountAsync(user);
        var identity = platform.App.GetEndpoint("identity", "http");
        // The provider's login cookie from the browser: a second authorization goes straight to the callback.
        var verifier = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var challenge = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var callback = new Uri(Portal, "/signin-oidc").ToString();
        var cookies = string.Join("; ", (await context.CookiesAsync([identity.ToString()])).Select(c => $"{c.Name}={c.Value}"));
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var authorize = new HttpRequestMessage(HttpMethod.Get, new Uri(identity,
            $"/connect/authorize?client_id=lishui-portal-web&response_type=code&scope=openid%20profile%20roles&redirect_uri={Uri.EscapeDataString(callback)}&code_challenge={challenge}&code_challenge_method=S256&state=s"));
        authorize.Headers.Add("Cookie", cookies);
        using var redirect = await noRedirect.SendAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var code = System.Web.HttpUtility.ParseQueryString(redirect.Headers.Location!.Query)["code"];
        Assert.NotNull(code);
        var secret = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Path.Combine(platform.StateDir, "local-keys.json")))!["DevIdentity.PortalClientSecret"];
        using var http = new HttpClient();
        var response = await http.PostAsync(new Uri(identity, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code!, ["redirect_uri"] = callback, ["client_id"] = "lishui-portal-web",
            ["client_secret"] = secret, ["code_verifier"] = verifier,
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
        return (token, account.GetProperty("memberId").GetGuid());
    }

    /// <summary>Polls a condition once a second for up to a minute.</summary>
    public static async Task<bool> WaitAsync(Func<Task<bool>> check)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await check())
            {
                return true;
            }

            await Task.Delay(1000);
        }

        return false;
    }
}
