namespace Lishui.Notification.Data.Configurations;

/// <summary>Placeholder maps stored as JSON documents.</summary>
internal static class JsonConversion<T>
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Dictionary<string, T>, string> Converter = new(
        v => System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
        v => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, T>>(v, (System.Text.Json.JsonSerializerOptions?)null) ?? new Dictionary<string, T>());

    public static readonly Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<string, T>> Comparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
        v => new Dictionary<string, T>(v));
}
