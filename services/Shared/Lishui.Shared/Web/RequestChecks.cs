using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace Lishui.Shared.Web;

/// <summary>
/// Checks what every endpoint receives before it binds anything, so malformed input is a 400 with the
/// field at fault instead of an exception deep in binding, a handler or the database: route and query
/// values that do not parse as the handler's parameter types or hold text PostgreSQL cannot store, a
/// body on a read, and JSON bodies (see <see cref="JsonInput"/>).
/// </summary>
public static class RequestChecks
{
    private static readonly ConcurrentDictionary<Endpoint, IReadOnlyList<TextParameter>> Parameters = new();

    /// <summary>After the access check: a caller without access learns nothing from validation.</summary>
    public static IApplicationBuilder UseRequestChecks(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.GetEndpoint() is RouteEndpoint endpoint)
        {
            var errors = new List<FieldError>();
            CheckParameters(http, endpoint, errors);
            await CheckBodyAsync(http, errors);
            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }
        }

        await next(http);
    });

    private static void CheckParameters(HttpContext http, RouteEndpoint endpoint, List<FieldError> errors)
    {
        foreach (var parameter in Parameters.GetOrAdd(endpoint, Describe))
        {
            var values = parameter.FromRoute
                ? http.Request.RouteValues.TryGetValue(parameter.Name, out var value) && value?.ToString() is { } text ? new StringValues(text) : StringValues.Empty
                : http.Request.Query[parameter.Name];
            // As binding does: an absent value is missing; an empty one is missing unless it is text.
            if (values.Count == 0 || (values.All(string.IsNullOrEmpty) && parameter.Type != typeof(string)))
            {
                if (parameter.Required)
                {
                    errors.Add(new FieldError(parameter.Name, "field.required", "此参数为必填项。", "This parameter is required."));
                }

                continue;
            }

            if (values.Any(v => v is not null && !JsonInput.IsStorable(v)))
            {
                errors.Add(new FieldError(parameter.Name, "text.invalid", "参数含有无效字符（如空字符或不成对的 UTF-16 代理项）。",
                    "The parameter has invalid characters (NUL or an unpaired UTF-16 surrogate)."));
                continue;
            }

            var texts = parameter.IsArray ? values.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!) : [values.ToString()];
            if (!texts.All(t => ValueShapes.Parses(parameter.Type, t)))
            {
                var expected = ValueShapes.Describe(parameter.Type);
                errors.Add(new FieldError(parameter.Name, "field.wrong-type", $"此参数应为{expected.Zh}。", $"This parameter must be {expected.En}."));
            }
        }
    }

    private static async Task CheckBodyAsync(HttpContext http, List<FieldError> errors)
    {
        var request = http.Request;
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            return;
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            errors.Add(new FieldError("$", "body.not-allowed", $"{request.Method} 请求不能带请求体。", $"A {request.Method} request must not have a body."));
            return;
        }

        if (!request.HasJsonContentType())
        {
            return; // JSON endpoints refuse other types when binding; uploads take theirs
        }

        // Buffered so binding (and the access check before) reads the same bytes again; the server's
        // body size limit still applies while reading.
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, http.RequestAborted);
        request.Body.Position = 0;
        if (copy.Length > 0)
        {
            errors.AddRange(JsonInput.Check(copy.GetBuffer().AsSpan(0, (int)copy.Length)));
        }
    }

    private sealed record TextParameter(string Name, Type Type, bool FromRoute, bool Required, bool IsArray);

    /// <summary>The handler's parameters bound from route or query text, as minimal APIs infer them.</summary>
    private static IReadOnlyList<TextParameter> Describe(Endpoint endpoint)
    {
        if (endpoint is not RouteEndpoint route || endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method)
        {
            return [];
        }

        var routeNames = route.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = new List<TextParameter>();
        foreach (var parameter in method.GetParameters())
        {
            Add(parameter, parameter.GetCustomAttributes(true), routeNames, found);
        }

        return found;
    }

    private static void Add(ParameterInfo parameter, object[] attributes, HashSet<string> routeNames, List<TextParameter> found)
    {
        var type = parameter.ParameterType;
        if (attributes.OfType<AsParametersAttribute>().Any())
        {
            var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
            foreach (var member in constructor?.GetParameters() ?? [])
            {
                var property = type.GetProperty(member.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                Add(member, [.. member.GetCustomAttributes(true), .. property?.GetCustomAttributes(true) ?? []], routeNames, found);
            }

            return;
        }

        if (attributes.Any(a => a is IFromBodyMetadata or IFromServiceMetadata or IFromHeaderMetadata or IFromFormMetadata or FromKeyedServicesAttribute))
        {
            return;
        }

        var isArray = type.IsArray;
        var element = isArray ? type.GetElementType()! : type;
        if (!ValueShapes.IsParsedFromText(element) || parameter.Name is null)
        {
            return;
        }

        var fromRoute = attributes.OfType<IFromRouteMetadata>().FirstOrDefault();
        var fromQuery = attributes.OfType<IFromQueryMetadata>().FirstOrDefault();
        var name = fromRoute?.Name ?? fromQuery?.Name ?? parameter.Name;
        var inRoute = fromRoute is not null || (fromQuery is null && routeNames.Contains(name));
        var optional = isArray || parameter.HasDefaultValue || Nullable.GetUnderlyingType(type) is not null
            // A context of its own: NullabilityInfoContext is not thread-safe, and endpoints are described by concurrent first requests.
            || (!type.IsValueType && new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable);
        found.Add(new TextParameter(name, element, inRoute, !optional, isArray));
    }
}
