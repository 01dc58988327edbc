using MassTransit;

namespace Lishui.Contracts.Assessment;

/// <summary>A member was graded Excellent (优秀) in a final result: to be commended. The aggregate is the scheme.</summary>
[MessageUrn("lishui:assessment:member-commended:v1")]
public sealed record MemberCommended : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    public required Guid SchemeId { get; init; }

    public required Guid NoticeId { get; init; }

    public required int Year { get; init; }
}

/// <summary>A member was graded Unqualified (不合格) in a final result: an organisational talk (组织谈话) is due.</summary>
[MessageUrn("lishui:assessment:organisational-talk-required:v1")]
public sealed record OrganisationalTalkRequired : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    public required Guid SchemeId { get; init; }

    public required Guid NoticeId { get; init; }

    public required int Year { get; init; }

    /// <summary>The talk should have happened by this day.</summary>
    public required DateOnly DueOn { get; init; }
}

/// <summary>
/// A member was Unqualified in two consecutive final years: Membership opens the withdrawal-advice
/// case (劝退).
/// </summary>
[MessageUrn("lishui:assessment:member-unqualified-consecutively:v1")]
public sealed record MemberUnqualifiedConsecutively : IntegrationEvent
{
    public required Guid MemberId { get; init; }

    public required Guid SchemeId { get; init; }

    public required int PreviousYear { get; init; }

    public required int Year { get; init; }
}
