namespace Lishui.Pairing.Domain;

/// <summary>One contact between paired members. The summary stays in this service; events carry ids only.</summary>
public sealed class ContactLog
{
    public const int MaxSummaryLength = 1000;

    public Guid Id { get; init; }

    public Guid MemberPairId { get; init; }

    public DateOnly ContactedOn { get; init; }

    public ContactChannel Channel { get; init; }

    public required string Summary { get; init; }

    public DateTimeOffset LoggedAt { get; init; }
}
