using Lishui.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Shared.Security;

public static class AccessEndpointExtensions
{
    /// <summary>
    /// Puts one endpoint under <paramref name="rule"/> (for endpoints outside a service's policy table,
    /// such as the shared audit trail). The authorisation middleware's fallback stops applying; the
    /// platform's access check decides instead.
    /// </summary>
    public static TBuilder RequireAccess<TBuilder>(this TBuilder endpoint, AccessRule rule, ScopeRef? scope = null)
        where TBuilder : IEndpointConventionBuilder
    {
        if (rule.NeedsScope && scope is null)
        {
            throw new ArgumentException("A rule that grants by organisation or member needs to know where the request names its resource.", nameof(scope));
        }

        var access = new AccessMetadata(rule, scope);
        endpoint.Add(b => Apply(b, access));
        return endpoint;
    }

    /// <summary>
    /// Two steps: <see cref="UseAccessCheck"/> refuses, before anything is bound or read, a caller whom no
    /// resource could let through; this filter, after binding, resolves the resource the request is about
    /// (route, query or body) and decides for callers whose grant depends on it.
    /// </summary>
    internal static void Apply(EndpointBuilder endpoint, AccessMetadata access)
    {
        endpoint.Metadata.Add(access);
        endpoint.Metadata.Add(new AllowAnonymousAttribute());
        if (access.Rule.IsPublic)
        {
            endpoint.Metadata.Add(new EnableRateLimitingAttribute(PlatformSecurity.PublicRateLimit));
            return;
        }

        if (!access.Rule.NeedsScope)
        {
            return;
        }

        endpoint.FilterFactories.Add((_, next) => async ctx =>
        {
            var http = ctx.HttpContext;
            var caller = Caller.From(http.User);
            var isRead = IsRead(http.Request);
            if (AccessDecision.Decide(access.Rule, caller, isRead, ResourceScope.Town) == AccessOutcome.Allowed)
            {
                return await next(ctx);
            }

            var id = access.Scope!.IdIn(ctx);
            var scope = string.IsNullOrWhiteSpace(id)
                ? null
                : await http.RequestServices.GetRequiredService<IScopeLookup>().FindAsync(access.Scope.Kind, id, http.RequestAborted);
            return AccessDecision.Decide(access.Rule, caller, isRead, scope) == AccessOutcome.Allowed ? await next(ctx) : Forbidden();
        });
    }

    /// <summary>The first step of the access check, after authentication and routing, before binding.</summary>
    public static IApplicationBuilder UseAccessCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<AccessMetadata>() is { Rule.IsPublic: false } access)
        {
            var outcome = AccessDecision.Possible(access.Rule, Caller.From(http.User), IsRead(http.Request));
            if (outcome != AccessOutcome.Allowed)
            {
                if (outcome == AccessOutcome.Unauthenticated)
                {
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                }

                await (outcome == AccessOutcome.Unauthenticated ? Unauthenticated() : Forbidden()).ExecuteAsync(http);
                return;
            }
        }

        await next(http);
    });

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    private static IResult Forbidden() => Problems.Result(Problems.Create(StatusCodes.Status403Forbidden, "access.denied",
        "您无权执行此操作或查看此数据。", "You are not allowed to do this or see this."));

    private static IResult Unauthenticated() => Problems.Result(Problems.Create(StatusCodes.Status401Unauthorized, "access.unauthenticated",
        "请先登录（缺少或无效的访问令牌）。", "Sign in first: the access token is missing or invalid."));
}
