using System.Text.RegularExpressions;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Lishui.Shared.Security;

/// <summary>Endpoint metadata: the rule and where the request names its resource, declared beside the route with <see cref="AccessEndpointExtensions.RequireAccess"/>.</summary>
public sealed record AccessMetadata(AccessRule Rule, ScopeRef? Scope);

/// <summary>
/// Marks every endpoint mapped on a service's API group (<see cref="AccessPolicyExtensions.MapApi"/>):
/// it must declare its rule, and one that does not is refused to every caller.
/// </summary>
public sealed class AccessDeclarationRequired
{
    public static readonly AccessDeclarationRequired Instance = new();

    private AccessDeclarationRequired()
    {
    }
}

/// <summary>One row of a service's access policy: an API endpoint and the rule declared beside its route (null: none).</summary>
public sealed record AccessPolicyEntry(string Method, string Route, AccessMetadata? Access)
{
    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// A service's whole access policy as a table, read from its mapped endpoints (never written by hand),
/// for tests and documentation: <c>"METHOD /route/{template}"</c> → rule (and scope).
/// </summary>
public static class AccessPolicy
{
    /// <summary>Every endpoint of the service's API group, in route order, with its declared rule.</summary>
    public static IReadOnlyList<AccessPolicyEntry> Of(EndpointDataSource endpoints) =>
        [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<AccessDeclarationRequired>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => new AccessPolicyEntry(method, Template(e.RoutePattern.RawText), e.Metadata.GetMetadata<AccessMetadata>())))
            .OrderBy(e => e.Route, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)];

    /// <summary>A route as the table (and the OpenAPI document) writes it: <c>/members/{id:guid}</c> → <c>/members/{id}</c>.</summary>
    public static string Template(string? rawRoute) =>
        "/" + Regex.Replace(rawRoute ?? "", @"\{([^}:?=]+)[^}]*\}", "{$1}").TrimStart('/');
}

public static class AccessPolicyExtensions
{
    /// <summary>
    /// The group every API endpoint of a service is mapped on. Each endpoint declares its rule beside its
    /// route (<see cref="AccessEndpointExtensions.RequireAccess"/>); the access check refuses one that does not.
    /// </summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithProblemResponses();
        ((IEndpointConventionBuilder)api).Add(endpoint => endpoint.Metadata.Add(AccessDeclarationRequired.Instance));
        return api;
    }
}
