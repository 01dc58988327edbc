using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.WithdrawalAdvice;

public enum WithdrawalAdviceCaseStatus
{
    Open,
    Closed,
}

/// <summary>The party committee's choice: 劝退, 除名, or keep the member (with a reason).</summary>
public enum WithdrawalAdviceDecision
{
    AdviseWithdrawal,
    RemoveFromRoll,
    Keep,
}

/// <summary>
/// A withdrawal-advice case (劝退): opened when Assessment finds a member Unqualified two final
/// years in a row; the member's party committee decides. Nothing happens to the member until then.
/// </summary>
public sealed class WithdrawalAdviceCase : AggregateRoot
{
    public const int MaxReasonLength = 500;

    private WithdrawalAdviceCase()
    {
        UnqualifiedYears = [];
    }

    public Guid Id { get; private set; }

    public MemberId MemberId { get; private set; }

    public Guid PartyCommitteeId { get; private set; }

    /// <summary>The member's organisation when the case was opened.</summary>
    public Guid OrganisationId { get; private set; }

    public Guid SchemeId { get; private set; }

    public int[] UnqualifiedYears { get; private set; }

    /// <summary>The later of the two years: one case per member and year, however often the news arrives.</summary>
    public int Year { get; private set; }

    /// <summary>The Assessment event the case was opened from.</summary>
    public Guid SourceEventId { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public WithdrawalAdviceCaseStatus Status { get; private set; }

    public WithdrawalAdviceDecision? Decision { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public static WithdrawalAdviceCase Open(
        Guid id, MemberId memberId, Guid partyCommitteeId, Guid organisationId, Guid schemeId, int previousYear, int year, Guid sourceEventId,
        DateTimeOffset now)
    {
        var @case = new WithdrawalAdviceCase
        {
            Id = id,
            MemberId = memberId,
            PartyCommitteeId = partyCommitteeId,
            OrganisationId = organisationId,
            SchemeId = schemeId,
            UnqualifiedYears = [previousYear, year],
            Year = year,
            SourceEventId = sourceEventId,
            OpenedOn = TownCalendar.DateOf(now),
            OpenedAt = now,
            Status = WithdrawalAdviceCaseStatus.Open,
        };
        // The case belongs to the committee that decides it.
        @case.Record(new WithdrawalAdviceCaseOpened
        {
            CaseId = id,
            MemberId = memberId.Value,
            PartyCommitteeId = partyCommitteeId,
            UnqualifiedYears = @case.UnqualifiedYears,
            OpenedOn = @case.OpenedOn,
        }, id, partyCommitteeId, now);
        return @case;
    }

    /// <summary>Records the committee's decision and closes the case; the caller applies it to the member.</summary>
    public void Decide(WithdrawalAdviceDecision decision, DateOnly decidedOn, string decidedBy, string? reason, DateTimeOffset now)
    {
        var today = TownCalendar.DateOf(now);
        CheckRule(new CaseMustBeOpenRule(Status));
        CheckRule(new TextMustBeGivenRule("decidedBy", "决定人", "decision maker", decidedBy, MemberStatusChange.MaxDecidedByLength));
        CheckRule(new DateCannotBeInTheFutureRule("decidedOn", "决定日期", "decision date", decidedOn, today));
        CheckRule(new DecisionCannotPrecedeOpeningRule(OpenedOn, decidedOn));
        if (decision == WithdrawalAdviceDecision.Keep || reason is not null)
        {
            CheckRule(new TextMustBeGivenRule("reason", "理由", "reason", reason, MaxReasonLength));
        }

        Decision = decision;
        DecidedOn = decidedOn;
        DecidedBy = decidedBy.Trim();
        Reason = reason?.Trim();
        DecidedAt = now;
        Status = WithdrawalAdviceCaseStatus.Closed;
        NextVersion();
    }
}

public sealed record CaseMustBeOpenRule(WithdrawalAdviceCaseStatus Status) : IBusinessRule
{
    public bool IsBroken() => Status != WithdrawalAdviceCaseStatus.Open;

    public string Code => "withdrawal-advice-case.closed";

    public string MessageZh => "该劝退案件已作出决定，不能再次决定。";

    public string MessageEn => "This withdrawal-advice case has already been decided.";
}

public sealed record DecisionCannotPrecedeOpeningRule(DateOnly OpenedOn, DateOnly DecidedOn) : IBusinessRule
{
    public bool IsBroken() => DecidedOn < OpenedOn;

    public string Code => "withdrawal-advice-case.decided-before-opened";

    public string Field => "decidedOn";

    public string MessageZh => $"决定日期不能早于立案日期（{OpenedOn:yyyy-MM-dd}）。";

    public string MessageEn => $"The decision cannot precede the opening of the case ({OpenedOn:yyyy-MM-dd}).";
}
