using MassTransit;

namespace Lishui.Contracts.Membership;

/// <summary>
/// The organisational talk (组织谈话) owed to a member graded Unqualified was held and recorded. Aggregate:
/// the talk; organisation: the member's organisation when it was opened. What was said stays in Membership.
/// </summary>
[MessageUrn("lishui:membership:organisational-talk-held:v1")]
public sealed record OrganisationalTalkHeld : IntegrationEvent
{
    public required Guid TalkId { get; init; }

    public required Guid MemberId { get; init; }

    public required int Year { get; init; }

    public required DateOnly HeldOn { get; init; }
}

/// <summary>An organisational talk is still not held after its due date (published once per talk).</summary>
[MessageUrn("lishui:membership:organisational-talk-overdue:v1")]
public sealed record OrganisationalTalkOverdue : IntegrationEvent
{
    public required Guid TalkId { get; init; }

    public required Guid MemberId { get; init; }

    public required int Year { get; init; }

    public required DateOnly DueOn { get; init; }
}
