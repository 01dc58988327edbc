using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Assessment.Data.Configurations;

internal static class JsonColumn
{
    // Public: the compiled model's converter reads it, and generated code cannot reach a private static field.
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Value objects stored whole as jsonb; they are replaced, never mutated in place.</summary>
    public static PropertyBuilder<T> Of<T>(PropertyBuilder<T> property)
        where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonOptions),
            s => JsonSerializer.Deserialize<T>(s, JsonOptions)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
                v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(StringComparison.Ordinal),
                v => v));
}
