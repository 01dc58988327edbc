using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Lishui.Shared.Security;

/// <summary>
/// Writes each operation's access rule into the OpenAPI document as <c>x-lishui-access</c>, so integrators
/// read who may call what, and the authorisation matrix test derives its expectations from the same document.
/// </summary>
public static class AccessDocumentation
{
    public const string Extension = "x-lishui-access";

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<AccessMetadata>().LastOrDefault() is not { } access)
        {
            return Task.CompletedTask;
        }

        var description = new JsonObject
        {
            ["grants"] = new JsonArray([.. access.Rule.Grants.Select(g => g.ToString()).Order(StringComparer.Ordinal).Select(g => (JsonNode)JsonValue.Create(g))]),
        };
        if (access.Rule.ServiceScope is { } serviceScope)
        {
            description["serviceScope"] = serviceScope;
        }

        if (access.Scope is { } scope)
        {
            description["scope"] = new JsonObject { ["in"] = scope.Source.ToString().ToLowerInvariant(), ["name"] = scope.Name, ["kind"] = scope.Kind };
        }

        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(description);
        return Task.CompletedTask;
    }
}
