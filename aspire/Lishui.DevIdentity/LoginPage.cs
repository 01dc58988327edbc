using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Lishui.DevIdentity;

/// <summary>The provider's own login page: 用户名 and 密码, plain HTML, no script.</summary>
public static class LoginPage
{
    public static void MapLoginPage(this WebApplication app)
    {
        app.MapGet("/account/login", (string? returnUrl, HttpContext http, IAntiforgery antiforgery, DemoAccounts accounts) =>
            Page(http, antiforgery, accounts, returnUrl, userName: null, failed: false));

        app.MapPost("/account/login", async ([FromForm] LoginForm form, HttpContext http, IAntiforgery antiforgery, DemoAccounts accounts) =>
        {
            if (accounts.SignIn(form.UserName, form.Password) is not { } account)
            {
                return Page(http, antiforgery, accounts, form.ReturnUrl, form.UserName, failed: true);
            }

            var identity = new ClaimsIdentity([new Claim(Claims.Subject, account.UserName), new Claim(Claims.Name, account.DisplayName)], DevIdentityModule.LoginScheme);
            await http.SignInAsync(DevIdentityModule.LoginScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect(IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/account/login?signedIn=1");
        });
    }

    public sealed record LoginForm(string? UserName, string? Password, string? ReturnUrl);

    private static bool IsLocal(string? url) => url is ['/', not '/' and not '\\', ..];

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, DemoAccounts accounts, string? returnUrl, string? userName, bool failed)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var signedIn = http.Request.Query.ContainsKey("signedIn") && http.User.Identity?.IsAuthenticated == true;
        var rows = string.Concat(accounts.All().Select(a => $"<tr><td><code>{E(a.UserName)}</code></td><td>{E(a.DisplayName)}</td></tr>"));
        var html = $$"""
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>登录 - 里水镇党建星期二（开发用身份认证）</title>
            <style>body{font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;line-height:1.7}
            label{display:block;margin-top:1rem}input{font-size:1.1rem;width:100%;box-sizing:border-box;padding:.5rem}button{margin-top:1.2rem;font-size:1.1rem;padding:.5rem 2rem}
            .error{color:#a00;font-weight:bold}table{border-collapse:collapse;margin-top:.5rem}td{padding:.2rem .8rem .2rem 0}small{color:#555}</style></head>
            <body><main><h1>登录</h1><p>里水镇党建星期二 · 开发用身份认证服务（仅限本机开发和演示，不在正式环境使用）</p>
            {{(failed ? "<p class=\"error\" role=\"alert\">用户名或密码不正确，请重新输入。</p>" : string.Empty)}}
            {{(signedIn ? "<p>您已登录。</p>" : string.Empty)}}
            <form method="post" action="/account/login">
            <input type="hidden" name="{{E(tokens.FormFieldName)}}" value="{{E(tokens.RequestToken ?? string.Empty)}}">
            <input type="hidden" name="returnUrl" value="{{E(returnUrl ?? string.Empty)}}">
            <label for="userName">用户名</label><input id="userName" name="userName" autocomplete="username" required value="{{E(userName ?? string.Empty)}}">
            <label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">登录</button></form>
            <h2>演示账号</h2><small>密码见 deploy/local/up.sh 的输出。</small><table>{{rows}}</table></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
