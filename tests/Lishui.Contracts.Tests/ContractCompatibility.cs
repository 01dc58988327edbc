using System.Text.Json.Nodes;

namespace Lishui.Contracts.Tests;

/// <summary>
/// What a subscriber written against the old schema can no longer rely on in the new one.
/// Adding fields is fine; removing one, changing its type or making it optional is breaking.
/// </summary>
public static class ContractCompatibility
{
    public static IReadOnlyList<string> BreakingChanges(JsonObject published, JsonObject current)
    {
        var problems = new List<string>();
        var oldProperties = published["properties"]?.AsObject() ?? [];
        var newProperties = current["properties"]?.AsObject() ?? [];
        var newRequired = Names(current["required"]);

        foreach (var (name, oldShape) in oldProperties)
        {
            if (!newProperties.TryGetPropertyValue(name, out var newShape) || newShape is null)
            {
                problems.Add($"field '{name}' was removed");
                continue;
            }

            if (!JsonNode.DeepEquals(Shape(oldShape), Shape(newShape)))
            {
                problems.Add($"field '{name}' changed from {Shape(oldShape)?.ToJsonString()} to {Shape(newShape)?.ToJsonString()}");
            }
        }

        foreach (var name in Names(published["required"]).Except(newRequired))
        {
            problems.Add($"field '{name}' is no longer always present");
        }

        return problems;
    }

    private static HashSet<string> Names(JsonNode? array) =>
        array is JsonArray a ? a.Select(n => n!.GetValue<string>()).ToHashSet() : [];

    // Type and format are the contract; descriptions may change freely.
    private static JsonObject? Shape(JsonNode? property)
    {
        if (property is not JsonObject o)
        {
            return null;
        }

        var shape = new JsonObject();
        foreach (var key in new[] { "type", "format", "enum", "items", "pattern" })
        {
            if (o[key] is { } value)
            {
                shape[key] = value.DeepClone();
            }
        }

        return shape;
    }
}
