using System.Text.Json;

namespace Lishui.Shared.Messaging;

/// <summary>How contracts are written to the outbox: the same camelCase JSON subscribers see.</summary>
public static class ContractJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
