using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Lishui.DevIdentity;

public static class DevIdentityModule
{
    /// <summary>The sign-in cookie of the provider's own login page (not the portal's session).</summary>
    public const string LoginScheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public static WebApplicationBuilder AddDevIdentity(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        if (builder.Environment.IsProduction())
        {
            throw new InvalidOperationException("开发用身份认证服务不得在生产环境运行 / The development identity provider must not run in production.");
        }

        var state = StateFolder.Resolve(config);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<DemoAccounts>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddAntiforgery();
        builder.Services.AddAuthorization();

        builder.Services.AddDbContext<IdentityDbContext>(o =>
        {
            o.UseNpgsql(config.GetConnectionString("identitydb")
                ?? throw new InvalidOperationException("ConnectionStrings:identitydb is not set."));
            o.UseOpenIddict();
        });

        builder.Services.AddAuthentication(LoginScheme)
            .AddCookie(LoginScheme, o =>
            {
                o.LoginPath = "/account/login";
                o.Cookie.Name = "lishui-devidentity";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            });

        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetUserInfoEndpointUris("connect/userinfo");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow();
                o.RegisterScopes("openid", "profile", "roles", "offline_access");
                // A test shortens these to seconds to watch the portal refresh its tokens.
                o.SetAccessTokenLifetime(config.GetValue("DevIdentity:AccessTokenLifetime", TimeSpan.FromMinutes(15)));
                o.SetRefreshTokenLifetime(config.GetValue("DevIdentity:RefreshTokenLifetime", TimeSpan.FromHours(8)));
                o.AddSigningKey(state.SigningKey());
                o.AddEncryptionKey(new SymmetricSecurityKey(state.EncryptionKey()));
                // The services read the access token as a plain signed JWT, as they read the town's.
                o.DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    // Local runs are plain http on localhost.
                    .DisableTransportSecurityRequirement();
            });

        builder.Services.AddHostedService<ClientRegistration>();
        return builder;
    }

    public static WebApplication MapDevIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapLoginPage();
        app.MapConnectEndpoints();
        app.MapGet("/", () => Results.Redirect("/account/login"));
        return app;
    }
}

public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options);
