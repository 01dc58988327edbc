using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lishui.Shared.Security;
using Lishui.Shared.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Lishui.Testing;

/// <summary>
/// Whether a service's OpenAPI document describes each operation completely: an operationId, a
/// description, a success response and problem responses (401 and 403 unless it is public), and the
/// request body of every endpoint that reads one. Which endpoints read a body is judged from the
/// handlers themselves (a <see cref="ValidatedBody{T}"/>, a [FromBody] or form parameter, accepted
/// content types), not from the document, so a body the generator cannot see is caught.
/// </summary>
public static partial class ApiDocumentCheck
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];

    /// <summary>Reads the service's document, writes every finding to the test output and fails on any.</summary>
    public static async Task<JsonDocument> AssertCompleteAsync(IServiceProvider services, HttpClient client, Xunit.Abstractions.ITestOutputHelper output)
    {
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var findings = Findings(services, document.RootElement);
        output.WriteLine($"{Operations(document.RootElement).Count()} operations, {findings.Count} findings");
        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        Assert.True(findings.Count == 0, "The OpenAPI document is incomplete:\n" + string.Join('\n', findings));
        return document;
    }

    public static IReadOnlyList<string> Findings(IServiceProvider services, JsonElement document)
    {
        var findings = new List<string>();
        var operations = Operations(document).ToList();
        foreach (var duplicate in operations.Select(o => OperationId(o.Operation)).OfType<string>().GroupBy(id => id).Where(g => g.Count() > 1))
        {
            findings.Add($"operationId '{duplicate.Key}' is used {duplicate.Count()} times");
        }

        foreach (var (method, path, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            if (OperationId(operation) is null)
            {
                findings.Add($"{name}: no operationId");
            }

            if (!operation.TryGetProperty("description", out var description) || string.IsNullOrWhiteSpace(description.GetString()))
            {
                findings.Add($"{name}: no description");
            }

            var responses = operation.TryGetProperty("responses", out var r) ? r.EnumerateObject().ToList() : [];
            if (!responses.Any(x => x.Name.StartsWith('2') || x.Name.StartsWith('3')))
            {
                findings.Add($"{name}: no success response");
            }

            var problems = responses.Where(x => x.Name.StartsWith('4') && x.Value.TryGetProperty("content", out var c) && c.TryGetProperty("application/problem+json", out _))
                .Select(x => x.Name).ToHashSet(StringComparer.Ordinal);
            if (problems.Count == 0)
            {
                findings.Add($"{name}: no problem response (4xx, application/problem+json)");
            }

            var isPublic = operation.TryGetProperty(AccessDocumentation.Extension, out var access)
                && access.GetProperty("grants").EnumerateArray().Any(g => g.GetString() == nameof(Grant.Public));
            if (!isPublic && !(problems.Contains("401") && problems.Contains("403")))
            {
                findings.Add($"{name}: not public, but 401 and 403 are not both documented as problem responses");
            }
        }

        var documented = operations.ToDictionary(o => $"{o.Method.ToUpperInvariant()} {Normalise(o.Path)}", o => o.Operation, StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            if (IsInfrastructure(route) || BodyReader(endpoint) is not { } reader)
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (documented.TryGetValue($"{method} {Normalise(route)}", out var operation)
                    && !(operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content) && content.EnumerateObject().Any()))
                {
                    findings.Add($"{method} {route}: reads a request body ({reader}) that the document does not describe");
                }
            }
        }

        return findings;
    }

    /// <summary>Health, the document itself and its viewer are not part of the API.</summary>
    public static bool IsInfrastructure(string route) =>
        route.StartsWith("/health", StringComparison.Ordinal) || route.StartsWith("/alive", StringComparison.Ordinal)
        || route.StartsWith("/openapi", StringComparison.Ordinal) || route.StartsWith("/scalar", StringComparison.Ordinal);

    /// <summary>What makes the endpoint read a request body, or null when it reads none.</summary>
    private static string? BodyReader(Endpoint endpoint)
    {
        foreach (var parameter in endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
        {
            var type = parameter.ParameterType;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValidatedBody<>))
            {
                return $"ValidatedBody<{type.GetGenericArguments()[0].Name}> {parameter.Name}";
            }

            if (parameter.GetCustomAttributes().Any(a => a is IFromBodyMetadata or IFromFormMetadata)
                || type == typeof(IFormFile) || type == typeof(IFormFileCollection) || type == typeof(IFormCollection))
            {
                return $"{type.Name} {parameter.Name}";
            }
        }

        return endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts
            ? $"accepts {string.Join(", ", accepts.ContentTypes)}"
            : null;
    }

    private static string? OperationId(JsonElement operation) =>
        operation.TryGetProperty("operationId", out var id) && !string.IsNullOrWhiteSpace(id.GetString()) ? id.GetString() : null;

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => Methods.Contains(o.Name))
            .Select(o => (o.Name, path.Name, o.Value)));

    /// <summary>Route templates without constraints or parameter names, so /x/{id:guid} and /x/{id} compare equal.</summary>
    private static string Normalise(string route) => RouteParameter().Replace(route, "{}");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}
