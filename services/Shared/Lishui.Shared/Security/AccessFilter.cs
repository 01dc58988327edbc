using Lishui.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Lishui.Shared.Security;

/// <summary>Finds which organisation (and member) a request is about; null when the resource does not exist.</summary>
public delegate ValueTask<ResourceScope?> ScopeResolver(EndpointFilterInvocationContext request);

/// <summary>Endpoint metadata: the rule and how to find the request's scope.</summary>
public sealed record AccessMetadata(AccessRule Rule, ScopeResolver? Scope);

public static class AccessEndpointExtensions
{
    /// <summary>
    /// Puts an endpoint under <paramref name="rule"/>. The authorisation middleware's fallback (town
    /// administrators only) stops applying; this filter decides instead, after binding, so the scope can
    /// come from route values or the body.
    /// </summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder endpoint, AccessRule rule, ScopeResolver? scope = null)
        where TBuilder : IEndpointConventionBuilder
    {
        if (rule.NeedsScope && scope is null)
        {
            throw new ArgumentException("A rule that grants by organisation or member needs a scope resolver.", nameof(scope));
        }

        endpoint.WithMetadata(new AccessMetadata(rule, scope), new AllowAnonymousAttribute());
        endpoint.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var caller = Caller.From(http.User);
            var isRead = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
            var resolved = rule.NeedsScope && caller.IsAuthenticated && !rule.IsPublic ? await scope!(ctx) : ResourceScope.Town;
            return AccessDecision.Decide(rule, caller, isRead, resolved) switch
            {
                AccessOutcome.Allowed => await next(ctx),
                AccessOutcome.Unauthenticated => Unauthenticated(http),
                _ => Problems.Result(Problems.Create(StatusCodes.Status403Forbidden, "access.denied",
                    "您无权执行此操作或查看此数据。", "You are not allowed to do this or see this.")),
            };
        });
        if (rule.IsPublic)
        {
            endpoint.RequireRateLimiting(PlatformSecurity.PublicRateLimit);
        }

        return endpoint;
    }

    private static IResult Unauthenticated(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Result(Problems.Create(StatusCodes.Status401Unauthorized, "access.unauthenticated",
            "请先登录（缺少或无效的访问令牌）。", "Sign in first: the access token is missing or invalid."));
    }
}
