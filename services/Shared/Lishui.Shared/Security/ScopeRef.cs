using System.Text.Json;
using Microsoft.AspNetCore.Http;

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
