using System.Collections.Frozen;
using System.Reflection;

namespace Lishui.Contracts.Public;

/// <summary>One public event type: its CloudEvents type, the record carrying its data, and its metadata.</summary>
public sealed record PublicEventType(string Type, Type DataType, DataClassification Classification, string Source, DateOnly? DeprecatedOn, string Summary, string SummaryZh)
{
    /// <summary>The number after the last <c>.v</c> of the type name.</summary>
    public int Version => int.Parse(Type[(Type.LastIndexOf(".v", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture);

    public bool IsDeprecatedOn(DateOnly day) => DeprecatedOn is { } d && day > d;
}

/// <summary>Every public event type in this assembly, keyed by its CloudEvents type.</summary>
public static class PublicEventCatalog
{
    private static readonly FrozenDictionary<string, PublicEventType> ByType = typeof(PublicEventAttribute).Assembly
        .GetTypes()
        .Select(t => (Type: t, Attribute: t.GetCustomAttribute<PublicEventAttribute>()))
        .Where(x => x.Attribute is not null)
        .Select(x => new PublicEventType(
            x.Attribute!.Type, x.Type, x.Attribute.Classification, x.Attribute.Source,
            x.Attribute.DeprecatedOn is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            x.Attribute.Summary, x.Attribute.SummaryZh))
        .ToFrozenDictionary(t => t.Type, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, PublicEventType> ByDataType = ByType.Values.ToFrozenDictionary(t => t.DataType);

    public static IReadOnlyCollection<PublicEventType> Types { get; } = [.. ByType.Values.OrderBy(t => t.Type, StringComparer.Ordinal)];

    public static bool TryGet(string type, out PublicEventType publicType) => ByType.TryGetValue(type, out publicType!);

    public static PublicEventType Of<TData>() => Of(typeof(TData));

    public static PublicEventType Of(Type dataType) =>
        ByDataType.TryGetValue(dataType, out var t) ? t : throw new InvalidOperationException($"{dataType.FullName} has no [PublicEvent].");
}
