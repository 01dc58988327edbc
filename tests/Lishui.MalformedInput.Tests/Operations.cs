using System.Text.Json;

namespace Lishui.MalformedInput.Tests;

/// <summary>What a value of a parameter or body property is, as the service's OpenAPI document describes it.</summary>
public enum Shape { Text, Uuid, Date, DateTime, Time, Integer, Number, Boolean, Enum, Array, Object }

public sealed record Field(string Name, Shape Shape, string? EnumValue = null);

public sealed record Parameter(string Name, string In, Shape Shape, bool Required)
{
    /// <summary>The parameter's schema as documented (undefined when there is none).</summary>
    public JsonElement Schema { get; init; }
}

/// <summary>One operation of a service's OpenAPI document, with its parameters and JSON body properties.</summary>
public sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, IReadOnlyList<Field>? Body)
{
    /// <summary>The media types the request body is documented with (empty when it takes none).</summary>
    public IReadOnlyList<string> BodyTypes { get; init; } = [];

    /// <summary>The JSON body's schema as documented (undefined when there is none), with <see cref="Schemas"/> to resolve references.</summary>
    public JsonElement BodySchema { get; init; }

    public JsonElement Schemas { get; init; }

    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public override string ToString() => $"{Method} {Path}";

    public static async Task<IReadOnlyList<Operation>> ReadAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var schemas = root.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<Operation>();
        var kept = schemas.ValueKind == JsonValueKind.Undefined ? default : schemas.Clone();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new Parameter(
                        p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                        p.TryGetProperty("schema", out var schema) ? ShapeOf(schema, schemas).Shape : Shape.Text,
                        p.TryGetProperty("required", out var r) && r.GetBoolean())
                    {
                        Schema = p.TryGetProperty("schema", out var documented) ? documented.Clone() : default,
                    }).ToList()
                    : [];
                IReadOnlyList<Field>? body = null;
                IReadOnlyList<string> bodyTypes = [];
                JsonElement documented = default;
                if (op.Value.TryGetProperty("requestBody", out var types) && types.TryGetProperty("content", out var media))
                {
                    bodyTypes = media.EnumerateObject().Select(m => m.Name).ToList();
                }

                if (op.Value.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content)
                    && content.EnumerateObject().FirstOrDefault(m => m.Name.Contains("json", StringComparison.Ordinal)) is { Value.ValueKind: JsonValueKind.Object } json
                    && json.Value.TryGetProperty("schema", out var bodySchema))
                {
                    var resolved = Resolve(bodySchema, schemas);
                    documented = bodySchema.Clone();
                    body = resolved.TryGetProperty("properties", out var properties)
                        ? properties.EnumerateObject().Select(p => ShapeOf(p.Value, schemas) is var (shape, value) ? new Field(p.Name, shape, value) : null!).ToList()
                        : [];
                }

                operations.Add(new Operation(op.Name.ToUpperInvariant(), path.Name, parameters, body)
                {
                    BodyTypes = bodyTypes,
                    BodySchema = documented,
                    Schemas = kept,
                });
            }
        }

        return operations;
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement schemas)
    {
        for (var i = 0; i < 5 && schema.TryGetProperty("$ref", out var reference); i++)
        {
            schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema;
    }

    private static (Shape Shape, string? EnumValue) ShapeOf(JsonElement schema, JsonElement schemas)
    {
        schema = Resolve(schema, schemas);
        foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(keyword, out var options))
            {
                var real = options.EnumerateArray().Select(o => Resolve(o, schemas))
                    .FirstOrDefault(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                if (real.ValueKind == JsonValueKind.Object)
                {
                    return ShapeOf(real, schemas);
                }
            }
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return (Shape.Enum, values.EnumerateArray().FirstOrDefault(v => v.ValueKind == JsonValueKind.String).GetString());
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (format)
        {
            case "uuid":
                return (Shape.Uuid, null);
            case "date":
                return (Shape.Date, null);
            case "date-time":
                return (Shape.DateTime, null);
            case "time":
                return (Shape.Time, null);
            case "int32" or "int64" or "int16" or "uint8":
                return (Shape.Integer, null);
            case "double" or "float" or "decimal":
                return (Shape.Number, null);
        }

        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToArray()
            : [type.GetString()];
        return (types.Contains("integer") ? Shape.Integer
            : types.Contains("number") ? Shape.Number
            : types.Contains("boolean") ? Shape.Boolean
            : types.Contains("array") ? Shape.Array
            : types.Contains("object") || schema.TryGetProperty("properties", out _) ? Shape.Object
            : Shape.Text, null);
    }
}
