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

    /// <summary>Requests a minute per user (<c>PerMinute</c>) and per service client without a user (<c>ServicePerMinute</c>).</summary>
    public const string AuthenticatedRateLimitSection = "Security:AuthenticatedRateLimit";

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
                // Token lifetimes are real time, even where the service's clock is moved (DevelopmentClock).
                o.TimeProvider = TimeProvider.System;
            });

        // Safe by default: an endpoint nobody declared a rule for is for town administrators only
        // (and the authorisation matrix test fails on it).
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireRole(PlatformRoles.TownAdministrator).Build());

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Every authenticated caller, on every endpoint: per user, and per service client for a
            // token without a user (the public portal calls for many residents under one client id).
            // Generous, to stop a runaway script, not a person or the demo seed.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Caller.From(http.User) switch
            {
                { Subject: { } subject } => PerMinute("user:" + subject, AuthenticatedLimit(builder.Configuration, "PerMinute", 6_000)),
                { ClientId: { } client } => PerMinute("client:" + client, AuthenticatedLimit(builder.Configuration, "ServicePerMinute", 60_000)),
                _ => RateLimitPartition.GetNoLimiter("anonymous"), // public endpoints limit them per address (below)
            });
            // Per anonymous client. A caller with a valid token has the limit above instead.
            o.AddPolicy(PublicRateLimit, http => http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("authenticated")
                : PerMinute(ClientKey(http), IsRead(http) ? Limit(builder.Configuration, "ReadsPerMinute", 120) : Limit(builder.Configuration, "WritesPerMinute", 10)));
            o.OnRejected = async (ctx, ct) =>
            {
                if (ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    // Whole seconds, rounded up: "0" would invite an immediate retry into the same window.
                    ctx.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                await Problems.Result(Problems.Create(StatusCodes.Status429TooManyRequests, "rate-limited",
                    "请求过于频繁，请稍后再试。", "Too many requests; try again later.")).ExecuteAsync(ctx.HttpContext);
            };
        });
        return builder;
    }

    /// <summary>
    /// Authentication, the rate limiter, the authorisation fallback, the access check of the endpoint's
    /// rule (all after routing, so endpoint metadata is known), then the checks of malformed input. The
    /// limiter comes before the access decisions so a caller refused again and again is throttled too;
    /// the input checks come last so a caller without access learns nothing from them.
    /// </summary>
    public static WebApplication UsePlatformSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAccessCheck();
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

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static int Limit(IConfiguration config, string name, int fallback) =>
        config.GetValue($"Security:PublicRateLimit:{name}", fallback);

    private static int AuthenticatedLimit(IConfiguration config, string name, int fallback) =>
        config.GetValue($"{AuthenticatedRateLimitSection}:{name}", fallback);
}
