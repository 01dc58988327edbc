using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Lishui.Shared.Messaging;

/// <summary>How contracts are written to the outbox: the same camelCase JSON subscribers see.</summary>
public static class ContractJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),

        // Numbers are numbers on the wire: a contract never says "string or integer".
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>
    /// How a contract's JSON Schema is written. An enum field (a member status, an organisation kind)
    /// is text on the wire and is published as a plain string, as it was before the contracts typed it:
    /// a value added later stays an additive change, not a new version.
    /// </summary>
    public static readonly JsonSchemaExporterOptions SchemaExporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
        TransformSchemaNode = (context, schema) =>
        {
            if (context.TypeInfo.Type is var type && (type.IsEnum || Nullable.GetUnderlyingType(type)?.IsEnum == true))
            {
                return new JsonObject { ["type"] = type.IsEnum ? "string" : new JsonArray("string", "null") };
            }

            return schema;
        },
    };
}
