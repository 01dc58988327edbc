using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Lishui.Shared.Security;

public enum ScopeSource
{
    Route,
    Query,
    Body,
}

/// <summary>
/// Where a request names the resource it is about (a route value, a query parameter or a property of
/// the JSON body) and what kind of resource that is (<c>organisation</c>, <c>member</c>, <c>pairing</c>…),
/// so the service's <see cref="IScopeLookup"/> can find its organisation and member.
/// </summary>
public sealed record ScopeRef(ScopeSource Source, string Name, string Kind)
{
    internal Type? BodyType { get; private init; }

    internal Func<object, object?>? SelectFromBody { get; private init; }

    public static ScopeRef Route(string parameter, string kind) => new(ScopeSource.Route, parameter, kind);

    public static ScopeRef Query(string parameter, string kind) => new(ScopeSource.Query, parameter, kind);

    /// <param name="property">The JSON property name, as documented (camelCase).</param>
    public static ScopeRef Body<TBody>(string property, string kind, Func<TBody, object?> select) =>
        new(ScopeSource.Body, property, kind) { BodyType = typeof(TBody), SelectFromBody = b => select((TBody)b) };

    internal string? IdIn(EndpointFilterInvocationContext request) => Source switch
    {
        ScopeSource.Route => request.HttpContext.Request.RouteValues.TryGetValue(Name, out var value) ? value?.ToString() : null,
        ScopeSource.Query => request.HttpContext.Request.Query[Name].FirstOrDefault(),
        _ => request.Arguments.FirstOrDefault(a => a is not null && BodyType!.IsInstanceOfType(a)) is { } body
            ? SelectFromBody!(body)?.ToString()
            : null,
    };
}

/// <summary>
/// The service's answer to "which organisation (with its ancestors) and which member does this resource
/// belong to?"; null when the id names nothing it knows, which lets only callers who need no scope through.
/// </summary>
public interface IScopeLookup
{
    ValueTask<ResourceScope?> FindAsync(string kind, string id, CancellationToken ct);
}

/// <summary>Endpoint metadata: the rule and where the request names its resource.</summary>
public sealed record AccessMetadata(AccessRule Rule, ScopeRef? Scope);

/// <summary>
/// A service's whole access policy in one table: <c>"METHOD /route/{template}"</c> → rule (and scope).
/// Endpoints mapped on the group from <see cref="AccessPolicyExtensions.MapApi"/> take their rule from
/// here; one missing from the table stays under the fallback policy (town administrators only) and the
/// authorisation matrix test reports it.
/// </summary>
public sealed class AccessPolicy
{
    private readonly Dictionary<string, AccessMetadata> rules = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, AccessMetadata> Rules => rules;

    public AccessPolicy Allow(string endpoint, AccessRule rule, ScopeRef? scope = null)
    {
        var parts = endpoint.Split(' ', 2);
        if (parts.Length != 2 || !parts[1].StartsWith('/') || parts[0] != parts[0].ToUpperInvariant())
        {
            throw new ArgumentException($"'{endpoint}' is not \"METHOD /route\".", nameof(endpoint));
        }

        if (rule.NeedsScope && scope is null)
        {
            throw new ArgumentException($"{endpoint}: a rule that grants by organisation or member needs to know where the request names its resource.", nameof(scope));
        }

        if (!rules.TryAdd(endpoint, new AccessMetadata(rule, scope)))
        {
            throw new ArgumentException($"{endpoint} is declared twice.", nameof(endpoint));
        }

        return this;
    }

    public AccessMetadata? Find(string method, string route) => rules.GetValueOrDefault($"{method} {route}");

    /// <summary>A route as the table (and the OpenAPI document) writes it: <c>/members/{id:guid}</c> → <c>/members/{id}</c>.</summary>
    public static string Template(string? rawRoute) =>
        "/" + Regex.Replace(rawRoute ?? "", @"\{([^}:?=]+)[^}]*\}", "{$1}").TrimStart('/');
}

public static class AccessPolicyExtensions
{
    /// <summary>The group every API endpoint of a service is mapped on, each under its entry in <paramref name="policy"/>.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app, AccessPolicy policy)
    {
        var api = app.MapGroup("");
        ((IEndpointConventionBuilder)api).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route
                && route.Metadata.OfType<IHttpMethodMetadata>().FirstOrDefault()?.HttpMethods is [var method]
                && policy.Find(method, AccessPolicy.Template(route.RoutePattern.RawText)) is { } access)
            {
                AccessEndpointExtensions.Apply(endpoint, access);
            }
        });
        return api;
    }
}
