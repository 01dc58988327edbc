using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Lishui.Portal.Clients;
using Lishui.Portal.Components;
using Lishui.Portal.Components.Pages.Overview;
using Lishui.Portal.SignIn;
using Lishui.Shared.Security;
using Microsoft.AspNetCore.HttpOverrides;

namespace Lishui.Portal;

public static class PortalModule
{
    public const string FormsRateLimit = "forms";

    /// <summary>Remembers 长辈模式 (large text, larger targets) on the device for a year.</summary>
    public const string ElderModeCookie = "lishui-elder";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        // Chinese text as characters, not &#x...; entities (a third of the page weight otherwise).
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMemoryCache();

        // The portal calls as itself: the services then throttle it as one known client, and the
        // portal throttles residents by their own address below.
        builder.Services.AddHttpClient<AssessmentApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "assessment"))
            .WithServiceToken(PlatformScopes.PublicPortal);
        builder.Services.AddHttpClient<ProjectsApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "projects"))
            .WithServiceToken(PlatformScopes.PublicPortal);
        builder.Services.AddHttpClient<PairingApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "pairing"))
            .WithServiceToken(PlatformScopes.PublicPortal);

        // Signed-in screens call as the person, with their own access token: the services decide.
        builder.AddPortalSignIn();
        builder.Services.AddHttpClient<MyAssessmentApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "assessment")).WithUserToken();
        builder.Services.AddHttpClient<MyPairingApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "pairing")).WithUserToken();
        builder.Services.AddSingleton<AttendanceDrafts>();
        builder.Services.AddHttpClient<MyNotificationApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "notification")).WithUserToken();
        builder.Services.AddHttpClient<MyMembershipApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "membership")).WithUserToken();
        builder.Services.AddHttpClient<PairingWorkApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "pairing")).WithUserToken();
        builder.Services.AddHttpClient<AssessmentWorkApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "assessment")).WithUserToken();
        builder.Services.AddHttpClient<TownNotificationApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "notification")).WithUserToken();
        builder.Services.AddHttpClient(TownOverviewApi.Pairing, http => http.BaseAddress = ServiceAddress(builder.Configuration, "pairing")).WithUserToken();
        builder.Services.AddHttpClient(TownOverviewApi.Projects, http => http.BaseAddress = ServiceAddress(builder.Configuration, "projects")).WithUserToken();
        builder.Services.AddHttpClient(TownOverviewApi.Assessment, http => http.BaseAddress = ServiceAddress(builder.Configuration, "assessment")).WithUserToken();
        builder.Services.AddScoped<TownOverviewApi>();
        builder.Services.AddHttpClient<WorkProjectsApi>(http => http.BaseAddress = ServiceAddress(builder.Configuration, "projects")).WithUserToken();

        // Behind the town's ingress, the only way in (NetworkPolicy): its X-Forwarded-For is the resident.
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A page endpoint takes GET and POST alike: only the posts (filing, posting, rating) are counted.
            o.AddPolicy(FormsRateLimit, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reads")
                : http.User.FindFirst(PlatformClaims.Subject)?.Value is { } user
                // Signed-in work (a secretary saving a checklist row by row) is counted per person, more loosely;
                // the services limit each user's calls themselves.
                ? RateLimitPartition.GetFixedWindowLimiter("user:" + user, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = builder.Configuration.GetValue("Portal:SignedInFormsPerMinute", 120),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = builder.Configuration.GetValue("Portal:FormsPerMinute", 10),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(TooManyRequestsPage, ct);
            };
        });
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        // After authentication: the form limit tells a signed-in person from a resident.
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();

        // Form posts are throttled per resident; page reads are not (they are cheap and cacheable).
        app.MapRazorComponents<App>().RequireRateLimiting(FormsRateLimit);

        app.MapOpenData();
        app.MapRollExport();
        app.MapPortalSignIn();
        app.MapOverviewExport();
        app.MapGet("/elder-mode", (bool on, string? back, HttpContext http) =>
        {
            http.Response.Cookies.Append(ElderModeCookie, on ? "1" : "0",
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return TypedResults.LocalRedirect(back is ['/', not '/' and not '\\', ..] or "/" ? back : "/");
        });
        return app;
    }

    private static Uri ServiceAddress(IConfiguration config, string service) =>
        new(config[$"Portal:Services:{service}"] ?? $"http://{service}");

    private const string TooManyRequestsPage = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>提交过于频繁 - 里水镇党建星期二</title></head>
        <body style="font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.7">
        <h1>提交过于频繁</h1><p>您在一分钟内提交的次数较多，请稍等一分钟后再试。您刚才填写的内容未被提交。</p>
        <p><a href="/">回到首页</a></p></body></html>
        """;
}
