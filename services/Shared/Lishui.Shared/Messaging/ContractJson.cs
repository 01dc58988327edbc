using System.Text.Json;
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
}
