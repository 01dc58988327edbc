using Lishui.Contracts;
using MassTransit;

namespace Lishui.Shared.Messaging;

/// <summary>
/// Names each contract's exchange after its pinned URN (<c>lishui.membership.member-registered.v1</c>)
/// instead of its CLR type, so renaming or moving a C# type never changes the topology subscribers
/// are bound to. Anything else (faults, MassTransit's own messages) keeps the default name.
/// </summary>
public sealed class ContractEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
{
    public string FormatEntityName<T>() =>
        typeof(T).IsSubclassOf(typeof(IntegrationEvent)) && !typeof(T).IsAbstract
            ? ExchangeNameOf(typeof(T))
            : fallback.FormatEntityName<T>();

    public static string ExchangeNameOf(Type contract) =>
        ContractCatalog.UrnOf(contract).Replace("urn:message:", string.Empty, StringComparison.Ordinal).Replace(':', '.');
}
