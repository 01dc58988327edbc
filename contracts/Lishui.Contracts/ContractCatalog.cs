using System.Collections.Frozen;
using System.Reflection;
using MassTransit;

namespace Lishui.Contracts;

/// <summary>
/// Every integration event in this assembly, keyed by its pinned URN. The outbox stores the URN,
/// never a CLR type name, so renaming a type breaks neither stored rows nor subscribers.
/// </summary>
public static class ContractCatalog
{
    private static readonly FrozenDictionary<string, Type> ByUrn = typeof(IntegrationEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(IntegrationEvent)))
        .ToFrozenDictionary(UrnOf);

    public static IReadOnlyCollection<Type> EventTypes => ByUrn.Values;

    public static string UrnOf(Type type) =>
        type.GetCustomAttribute<MessageUrnAttribute>()?.Urn.ToString()
        ?? throw new InvalidOperationException($"{type.FullName} has no [MessageUrn]; every contract must pin one.");

    public static Type TypeOf(string urn) =>
        ByUrn.TryGetValue(urn, out var type)
            ? type
            : throw new InvalidOperationException($"No contract is registered for URN '{urn}'.");
}
