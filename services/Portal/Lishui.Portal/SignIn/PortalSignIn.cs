using System.Security.Claims;
using Lishui.Shared.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lishui.Portal.SignIn;

/// <summary>
/// Sign-in as a backend-for-frontend: OpenID Connect (authorization code + PKCE) at the town's provider
/// (<c>Portal:Identity:Authority</c>, <c>ClientId</c>, <c>ClientSecret</c>), a cookie session in the
/// browser (HttpOnly, SameSite=Lax, Secure over https) that carries only who the person is and a session
/// id; the access and refresh tokens stay on the server (<see cref="SessionTokens"/>). Without an
/// authority the portal is the public board only.
/// </summary>
public static class PortalSignIn
{
    public static bool IsConfigured(IConfiguration config) => !string.IsNullOrWhiteSpace(config["Portal:Identity:Authority"]);

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSingleton<SessionTokens>();
        builder.Services.AddTransient<UserTokenHandler>();
        builder.Services.AddCascadingAuthenticationState();

        var auth = builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = IsConfigured(builder.Configuration) ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "lishui-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = SessionTokens.SessionLifetime;
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    // A page the role may not use answers 403 at its own address (the status page explains it).
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
                o.Events.OnValidatePrincipal = async ctx =>
                {
                    // The tokens are gone (the portal restarted, the provider refused a refresh): sign in again.
                    if (ctx.Principal?.FindFirst(SessionTokens.SessionClaim)?.Value is not { } session ||
                        await ctx.HttpContext.RequestServices.GetRequiredService<SessionTokens>().GetAsync(session, ctx.HttpContext.RequestAborted) is null)
                    {
                        ctx.RejectPrincipal();
                        await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });

        if (IsConfigured(builder.Configuration))
        {
            auth.AddOpenIdConnect(o =>
            {
                o.Authority = config["Portal:Identity:Authority"];
                o.ClientId = config["Portal:Identity:ClientId"];
                o.ClientSecret = config["Portal:Identity:ClientSecret"];
                o.RequireHttpsMetadata = config.GetValue("Portal:Identity:RequireHttpsMetadata", true);
                o.ResponseType = OpenIdConnectResponseType.Code;
                o.UsePkce = true;
                o.Scope.Clear();
                foreach (var scope in (config["Portal:Identity:Scopes"] ?? "openid profile roles offline_access").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    o.Scope.Add(scope);
                }

                o.MapInboundClaims = false;
                o.TokenValidationParameters.NameClaimType = "name";
                o.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
                o.GetClaimsFromUserInfoEndpoint = false;
                // Not in the cookie: the tokens go to the server-side store below.
                o.SaveTokens = false;
                o.Events.OnTokenValidated = async ctx =>
                {
                    var response = ctx.TokenEndpointResponse!;
                    var session = Guid.NewGuid().ToString("N");
                    var now = TimeProvider.System.GetUtcNow();
                    var lifetime = int.TryParse(response.ExpiresIn, out var seconds) ? seconds : 300;
                    await ctx.HttpContext.RequestServices.GetRequiredService<SessionTokens>().SetAsync(session,
                        new UserTokens(response.AccessToken, response.RefreshToken, response.IdToken, now, now.AddSeconds(lifetime)),
                        ctx.HttpContext.RequestAborted);
                    ((ClaimsIdentity)ctx.Principal!.Identity!).AddClaim(new Claim(SessionTokens.SessionClaim, session));
                };
                o.Events.OnRedirectToIdentityProviderForSignOut = async ctx =>
                {
                    // Ends the session at the provider too; the id token tells it whose.
                    if (ctx.HttpContext.User.FindFirst(SessionTokens.SessionClaim)?.Value is { } session)
                    {
                        var store = ctx.HttpContext.RequestServices.GetRequiredService<SessionTokens>();
                        ctx.ProtocolMessage.IdTokenHint = (await store.GetAsync(session, ctx.HttpContext.RequestAborted))?.IdToken;
                        await store.RemoveAsync(session, ctx.HttpContext.RequestAborted);
                    }
                };
            });
        }

        builder.Services.AddAuthorizationBuilder().AddPolicy("signed-in", p => p.RequireAuthenticatedUser());
        foreach (var (name, roles) in PortalAreas.Policies)
        {
            builder.Services.AddAuthorizationBuilder().AddPolicy(name, p => p.RequireRole(roles));
        }

        return builder;
    }

    public static WebApplication MapPortalSignIn(this WebApplication app)
    {
        app.MapGet("/signin", Results<ContentHttpResult, ChallengeHttpResult> (string? returnUrl, HttpContext http) =>
        {
            if (!IsConfigured(app.Configuration))
            {
                return TypedResults.Content(NotConfiguredPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var back = returnUrl is ['/', not '/' and not '\\', ..] ? returnUrl : "/me";
            return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = back }, [OpenIdConnectDefaults.AuthenticationScheme]);
        }).AllowAnonymous();

        app.MapPost("/signout", async Task<Results<BadRequest, RedirectHttpResult, SignOutHttpResult>> (HttpContext http, IAntiforgery antiforgery) =>
        {
            // A cross-site form cannot sign a person out.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return TypedResults.BadRequest();
            }

            if (!IsConfigured(app.Configuration) || http.User.Identity?.IsAuthenticated != true)
            {
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return TypedResults.LocalRedirect("/");
            }

            return TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private const string NotConfiguredPage = """
        <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>暂不能登录 - 里水镇党建星期二</title></head>
        <body style="font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.7">
        <h1>暂不能登录</h1><p>门户尚未接入统一身份认证，公开栏目仍可正常浏览。</p><p><a href="/">回到首页</a></p></body></html>
        """;
}
