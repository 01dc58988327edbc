namespace Lishui.Contracts.Public;

/// <summary>
/// CloudEvents <c>dataclassification</c> values: how sensitive the data of a public event type is.
/// A subscriber is only allowed types at or below its clearance.
/// </summary>
public enum DataClassification
{
    Public = 0,
    Internal = 1,
    Confidential = 2,
    Restricted = 3,
}

/// <summary>
/// Marks a record as the data of a public event type offered to other government systems. The type
/// name ends in its version (<c>.v1</c>); a breaking change is a new record and a new version,
/// published side by side until the old one's <see cref="DeprecatedOn"/> date has passed.
/// These are not MassTransit messages: they travel as CloudEvents on <c>lishui.public.events</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PublicEventAttribute(string type, DataClassification classification, string source) : Attribute
{
    /// <summary>CloudEvents <c>type</c>, e.g. <c>cn.gov.lishui.membership.member-registered.v1</c>; also the AMQP routing key.</summary>
    public string Type { get; } = type;

    public DataClassification Classification { get; } = classification;

    /// <summary>CloudEvents <c>source</c> (URI reference): the producing service.</summary>
    public string Source { get; } = source;

    /// <summary>ISO date (yyyy-MM-dd) after which this version is no longer published; null while current.</summary>
    public string? DeprecatedOn { get; init; }

    /// <summary>One line for the catalogue and the AsyncAPI document.</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>The same line in Chinese.</summary>
    public string SummaryZh { get; init; } = string.Empty;
}
