using Lishui.Contracts.Membership;
using Lishui.Shared.Domain;

namespace Lishui.Membership.Domain.OrganisationalTalks;

public enum OrganisationalTalkStatus
{
    Open,
    Held,
}

/// <summary>
/// An organisational talk (组织谈话) the member's organisation owes a member graded Unqualified: opened from
/// Assessment's finding with a due date; the secretary records who talked with the member, when, and the
/// outcome. An open talk past its due date is overdue; its reminder goes out once.
/// </summary>
public sealed class OrganisationalTalk : AggregateRoot
{
    public const int MaxTalkedByLength = 200;
    public const int MaxOutcomeLength = 1000;

    private OrganisationalTalk()
    {
    }

    public Guid Id { get; private set; }

    public MemberId MemberId { get; private set; }

    /// <summary>The member's organisation when the talk was opened: its secretary (or the nearest above) holds it.</summary>
    public Guid OrganisationId { get; private set; }

    public int Year { get; private set; }

    public Guid SchemeId { get; private set; }

    public Guid NoticeId { get; private set; }

    public Guid SourceEventId { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateOnly DueOn { get; private set; }

    public OrganisationalTalkStatus Status { get; private set; }

    public DateOnly? HeldOn { get; private set; }

    /// <summary>Who talked with the member (names and offices, e.g. "陈志明（支部书记）、何丽娟（委员）").</summary>
    public string? TalkedBy { get; private set; }

    public string? Outcome { get; private set; }

    /// <summary>The caller who recorded the talk.</summary>
    public string? RecordedBy { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    public DateTimeOffset? ReminderSentAt { get; private set; }

    public bool IsOverdue(DateOnly today) => Status == OrganisationalTalkStatus.Open && today > DueOn;

    public static OrganisationalTalk Open(
        Guid id, MemberId memberId, Guid organisationId, int year, Guid schemeId, Guid noticeId, Guid sourceEventId, DateOnly dueOn, DateTimeOffset now)
    {
        var talk = new OrganisationalTalk
        {
            Id = id,
            MemberId = memberId,
            OrganisationId = organisationId,
            Year = year,
            SchemeId = schemeId,
            NoticeId = noticeId,
            SourceEventId = sourceEventId,
            OpenedOn = TownCalendar.DateOf(now),
            OpenedAt = now,
            DueOn = dueOn,
            Status = OrganisationalTalkStatus.Open,
        };
        talk.NextVersion();
        return talk;
    }

    public void Record(DateOnly heldOn, string talkedBy, string outcome, string recordedBy, DateTimeOffset now)
    {
        CheckRule(new TalkMustBeOpenRule(Status));
        CheckRule(new TextMustBeGivenRule("talkedBy", "谈话人", "who talked", talkedBy, MaxTalkedByLength));
        CheckRule(new TextMustBeGivenRule("outcome", "谈话结果", "outcome", outcome, MaxOutcomeLength));
        CheckRule(new DateCannotBeInTheFutureRule("heldOn", "谈话日期", "talk date", heldOn, TownCalendar.DateOf(now)));
        CheckRule(new TalkCannotPrecedeTheAssessmentYearRule(Year, heldOn));
        Status = OrganisationalTalkStatus.Held;
        HeldOn = heldOn;
        TalkedBy = talkedBy.Trim();
        Outcome = outcome.Trim();
        RecordedBy = recordedBy;
        RecordedAt = now;
        Record(new OrganisationalTalkHeld { TalkId = Id, MemberId = MemberId.Value, Year = Year, HeldOn = heldOn }, Id, OrganisationId, now);
    }

    /// <summary>Marks the overdue reminder sent; false when it went out before or the talk is not overdue.</summary>
    public bool MarkReminded(DateOnly today, DateTimeOffset now)
    {
        if (ReminderSentAt is not null || !IsOverdue(today))
        {
            return false;
        }

        ReminderSentAt = now;
        Record(new OrganisationalTalkOverdue { TalkId = Id, MemberId = MemberId.Value, Year = Year, DueOn = DueOn }, Id, OrganisationId, now);
        return true;
    }
}

public sealed record TalkMustBeOpenRule(OrganisationalTalkStatus Status) : IBusinessRule
{
    public bool IsBroken() => Status != OrganisationalTalkStatus.Open;

    public string Code => "organisational-talk.already-held";

    public string MessageZh => "该组织谈话已登记，不能重复登记。";

    public string MessageEn => "This organisational talk has already been recorded.";
}

/// <summary>A talk about a year's grade happens after that year began (usually after the final results).</summary>
public sealed record TalkCannotPrecedeTheAssessmentYearRule(int Year, DateOnly HeldOn) : IBusinessRule
{
    public bool IsBroken() => HeldOn.Year < Year;

    public string Code => "organisational-talk.held-before-year";

    public string Field => "heldOn";

    public string MessageZh => $"谈话日期不能早于考核年度（{Year}年）。";

    public string MessageEn => $"The talk cannot precede the assessment year ({Year}).";
}
