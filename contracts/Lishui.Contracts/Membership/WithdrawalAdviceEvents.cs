using MassTransit;

namespace Lishui.Contracts.Membership;

/// <summary>
/// A withdrawal-advice case (劝退) was opened for a member unqualified two consecutive years; the party
/// committee must decide. Aggregate: the case; organisation: the deciding party committee.
/// </summary>
[MessageUrn("lishui:membership:withdrawal-advice-case-opened:v1")]
public sealed record WithdrawalAdviceCaseOpened : IntegrationEvent
{
    public required Guid CaseId { get; init; }

    public required Guid MemberId { get; init; }

    public required Guid PartyCommitteeId { get; init; }

    /// <summary>The two final years the member was Unqualified in.</summary>
    public required IReadOnlyList<int> UnqualifiedYears { get; init; }

    public required DateOnly OpenedOn { get; init; }
}
