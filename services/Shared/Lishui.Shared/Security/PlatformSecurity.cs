using System.Threading.RateLimiting;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lishui.Shared.Security;

/// <summary>
/// Authentication (JWT bearer from the town's OpenID Connect provider), the authorisation fallback and
/// the abuse limits every service shares.
/// </summary>
/// <remarks>
/// Configuration is the standard section <c>Authentication:Schemes:Bearer</c> (what <c>dotnet user-jwts</c>
/// writes): <c>Authority</c> and <c>ValidAudiences</c> in production; <c>ValidIssuer</c> and
/// <c>SigningKeys</c> (symmetric, base64) only for local runs and tests.
/// </remarks>
public static class PlatformSecurity
{
    public const string BearerSection = "Authentication:Schemes:Bearer";
    public const string PublicRateLimit = "public";

    public static IHostApplicationBuilder AddPlatformSecurity(this IHostApplicationBuilder builder)
    {
        var bearer = builder.Configuration.GetSection(BearerSection);
        EnsureSafeForEnvironment(bearer, builder.Environment);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                // Claims keep the names the token uses (sub, role, lishui_org), not WS-* URIs.
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
                o.TokenValidationParameters.NameClaimType = PlatformClaims.Subject;
                o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            });

        // Safe by default: an endpoint nobody declared a rule for is for town administrators only
        // (and the authorisation matrix test fails on it).
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(PlatformRoles.TownAdministrator).Build());

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per anonymous client. A caller with a valid token is known and audited, so not throttled here
            // (the demo seed posts hundreds of ratings as an administrator).
            o.AddPolicy(PublicRateLimit, http => http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("authenticated")
                : RateLimitPartition.GetFixedWindowLimiter(
                ClientKey(http),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = IsRead(http) ? Limit(builder.Configuration, "ReadsPerMinute", 120) : Limit(builder.Configuration, "WritesPerMinute", 10),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    ctx.HttpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await Problems.Result(Problems.Create(StatusCodes.Status429TooManyRequests, "rate-limited",
                    "请求过于频繁，请稍后再试。", "Too many requests; try again later.")).ExecuteAsync(ctx.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>
    /// Authentication, the authorisation fallback, the access check of the endpoint's rule, the rate
    /// limiter (all after routing, so endpoint metadata is known), then the checks of malformed input,
    /// last so a caller without access learns nothing from them.
    /// </summary>
    public static WebApplication UsePlatformSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAccessCheck();
        app.UseRateLimiter();
        app.UseRequestChecks();
        return app;
    }

    /// <summary>
    /// Production must validate tokens against a real authority: no symmetric development keys, no
    /// missing authority, no audience left unchecked. Startup fails instead of running open.
    /// </summary>
    public static void EnsureSafeForEnvironment(IConfiguration bearer, IHostEnvironment env)
    {
        if (!env.IsProduction())
        {
            return;
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(bearer["Authority"]))
        {
            problems.Add($"{BearerSection}:Authority is not set (the town's OpenID Connect provider)");
        }

        if (bearer.GetSection("SigningKeys").GetChildren().Any())
        {
            problems.Add($"{BearerSection}:SigningKeys holds development signing keys, which production must not accept");
        }

        if (string.IsNullOrWhiteSpace(bearer["ValidAudience"]) && !bearer.GetSection("ValidAudiences").GetChildren().Any())
        {
            problems.Add($"{BearerSection}:ValidAudiences is not set");
        }

        if (string.Equals(bearer["RequireHttpsMetadata"], "false", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{BearerSection}:RequireHttpsMetadata=false is not allowed in production");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("身份认证配置不安全，服务拒绝启动 / Unsafe authentication configuration, refusing to start: " + string.Join("; ", problems) + ".");
        }
    }

    private static bool IsRead(HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);

    private static string ClientKey(HttpContext http) =>
        (IsRead(http) ? "r:" : "w:") + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static int Limit(IConfiguration config, string name, int fallback) =>
        config.GetValue($"Security:PublicRateLimit:{name}", fallback);
}
