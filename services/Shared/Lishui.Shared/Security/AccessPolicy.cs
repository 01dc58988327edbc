using System.Text.Json;
using System.Text.RegularExpressions;
using Lishui.Shared.Web;
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
    public static ScopeRef Route(string parameter, string kind) => new(ScopeSource.Route, parameter, kind);

    public static ScopeRef Query(string parameter, string kind) => new(ScopeSource.Query, parameter, kind);

    /// <param name="property">The top-level JSON property of the request body, as documented (camelCase).</param>
    public static ScopeRef Body(string property, string kind) => new(ScopeSource.Body, property, kind);

    /// <summary>
    /// The id the request names, read before anything is bound: a body is read from the buffered raw
    /// JSON (so a caller without access learns nothing from validation), then rewound for binding.
    /// </summary>
    internal async ValueTask<string?> IdInAsync(HttpRequest request)
    {
        switch (Source)
        {
            case ScopeSource.Route:
                return request.RouteValues.TryGetValue(Name, out var value) ? value?.ToString() : null;
            case ScopeSource.Query:
                return request.Query[Name].FirstOrDefault();
        }

        if (request.HasJsonContentType() is false)
        {
            return null;
        }

        request.EnableBuffering();
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.EnumerateObject().FirstOrDefault(p => p.Name.Equals(Name, StringComparison.OrdinalIgnoreCase)) is { Value.ValueKind: JsonValueKind.String } property
                ? property.Value.GetString()
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Not JSON, or the id is no text (an unpaired surrogate): no resource named, and the
            // request checks say what is wrong once the caller may know.
            return null;
        }
        finally
        {
            request.Body.Position = 0;
        }
    }
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
        var api = app.MapGroup("").WithProblemResponses();
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
