using Lishui.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Lishui.Shared.Security;

public static class AccessEndpointExtensions
{
    /// <summary>
    /// Puts one endpoint under <paramref name="rule"/>, declared beside its route. The authorisation
    /// middleware's fallback stops applying; <see cref="UseAccessCheck"/> decides instead.
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

    /// <summary>Marks the endpoint with its rule; <see cref="UseAccessCheck"/> enforces it.</summary>
    private static void Apply(EndpointBuilder endpoint, AccessMetadata access)
    {
        endpoint.Metadata.Add(access);
        endpoint.Metadata.Add(new AllowAnonymousAttribute());
        if (access.Rule.IsPublic)
        {
            endpoint.Metadata.Add(new EnableRateLimitingAttribute(PlatformSecurity.PublicRateLimit));
        }
    }

    /// <summary>
    /// The access check, after authentication and routing and before anything is bound: the caller's
    /// role first; then, for grants that depend on the resource (a secretary's subtree, a member's own
    /// data), the organisation and member the request names (route, query or JSON body) through the
    /// service's <see cref="IScopeLookup"/>. So a caller without access gets 401/403 and learns nothing
    /// from validation or from whether the resource exists. An API endpoint that declares no rule is
    /// refused to everyone (401 without a token, 403 with one), so a forgotten rule fails closed.
    /// </summary>
    public static IApplicationBuilder UseAccessCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var metadata = http.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<AccessMetadata>() is null && metadata?.GetMetadata<AccessDeclarationRequired>() is not null)
        {
            await RefuseAsync(http, Caller.From(http.User).IsAuthenticated ? AccessOutcome.Forbidden : AccessOutcome.Unauthenticated);
            return;
        }

        if (metadata?.GetMetadata<AccessMetadata>() is { Rule.IsPublic: false } access)
        {
            var caller = Caller.From(http.User);
            var isRead = IsRead(http.Request);
            var outcome = AccessDecision.Possible(access.Rule, caller, isRead);
            if (outcome == AccessOutcome.Allowed && access.Rule.NeedsScope
                && AccessDecision.Decide(access.Rule, caller, isRead, ResourceScope.Town) != AccessOutcome.Allowed)
            {
                var id = await access.Scope!.IdInAsync(http.Request);
                var scope = string.IsNullOrWhiteSpace(id)
                    ? null
                    : await http.RequestServices.GetRequiredService<IScopeLookup>().FindAsync(access.Scope.Kind, id, http.RequestAborted);
                outcome = AccessDecision.Decide(access.Rule, caller, isRead, scope);
            }

            if (outcome != AccessOutcome.Allowed)
            {
                await RefuseAsync(http, outcome);
                return;
            }
        }

        await next(http);
    });

    private static async Task RefuseAsync(HttpContext http, AccessOutcome outcome)
    {
        if (outcome == AccessOutcome.Unauthenticated)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        await (outcome == AccessOutcome.Unauthenticated ? Unauthenticated() : Forbidden()).ExecuteAsync(http);
    }

    /// <summary>
    /// For a request whose body names a second resource besides the one its route names (the project a
    /// request is turned into, the request another is merged into): the caller must pass the endpoint's
    /// rule for that resource too, or a secretary could reach into another village through a body field.
    /// </summary>
    /// <returns>null when the caller may; the access check's 403 otherwise.</returns>
    public static async Task<ProblemHttpResult?> RefuseUnlessAllowedForAsync(this HttpContext http, string kind, Guid id)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<AccessMetadata>() is not { } access)
        {
            return null;
        }

        var caller = Caller.From(http.User);
        var isRead = IsRead(http.Request);
        if (AccessDecision.Decide(access.Rule, caller, isRead, ResourceScope.Town) == AccessOutcome.Allowed)
        {
            return null;
        }

        var scope = await http.RequestServices.GetRequiredService<IScopeLookup>().FindAsync(kind, id.ToString(), http.RequestAborted);
        return AccessDecision.Decide(access.Rule, caller, isRead, scope) == AccessOutcome.Allowed ? null : Forbidden();
    }

    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    private static ProblemHttpResult Forbidden() => Problems.Result(Problems.Create(StatusCodes.Status403Forbidden, "access.denied",
        "您无权执行此操作或查看此数据。", "You are not allowed to do this or see this."));

    private static ProblemHttpResult Unauthenticated() => Problems.Result(Problems.Create(StatusCodes.Status401Unauthorized, "access.unauthenticated",
        "请先登录（缺少或无效的访问令牌）。", "Sign in first: the access token is missing or invalid."));
}
