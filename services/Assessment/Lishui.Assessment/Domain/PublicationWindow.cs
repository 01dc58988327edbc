using Lishui.Contracts.Assessment;
using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

/// <summary>
/// 公示期 in Chinese working days, as the official calendar counts them: weekends and public
/// holidays are skipped, and a weekend made a working day (调休上班) counts.
/// </summary>
public static class PublicationWindow
{
    public const int DefaultWorkingDays = 5;

    /// <summary>The window starts the first working day after publication and lasts <paramref name="workingDays"/> working days (inclusive).</summary>
    public static (DateOnly OpensOn, DateOnly ClosesOn) After(DateOnly publishedOn, int workingDays, WorkingDayCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var opens = calendar.NextWorkingDay(publishedOn);
        return (opens, workingDays == 1 ? opens : calendar.AddWorkingDays(opens, workingDays - 1));
    }
}

/// <summary>
/// A year's results put up for public notice. It is the aggregate of the objections filed against it:
/// its <see cref="AggregateRoot.Version"/> numbers their ObjectionFiled events and is the optimistic
/// lock of filing.
/// </summary>
public sealed class Notice : AggregateRoot
{
    private Notice()
    {
    }

    public Guid Id { get; private set; }

    public Guid SchemeId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Year { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    public DateOnly WindowOpensOn { get; private set; }

    public DateOnly WindowClosesOn { get; private set; }

    public int SubjectCount { get; private set; }

    public DateTimeOffset? FinalisedAt { get; private set; }

    public bool IsFinal => FinalisedAt is not null;

    public NoticeState StateOn(DateOnly today) => NoticeStates.Of(IsFinal, WindowClosesOn, today);

    /// <summary>
    /// Files an objection against this notice; ObjectionFiled tells the secretary, naming
    /// <paramref name="concernedMember"/> when the caller found exactly one member the objection names.
    /// </summary>
    public Objection FileObjection(
        Guid id, string? concerning, string text, string? filedBy, string? contact, Guid? concernedMember, WorkingDayCalendar calendar, DateOnly today, DateTimeOffset now)
    {
        var objection = Objection.File(id, this, concerning, text, filedBy, contact, today, now);
        Record(new ObjectionFiled
        {
            NoticeId = Id,
            ObjectionId = objection.Id,
            SchemeId = SchemeId,
            MemberId = concernedMember,
            AnswerBy = objection.AnswerBy(calendar),
            Text = objection.Text,
        }, Id, OrganisationId, now);
        return objection;
    }

    /// <summary>Results become final once the window has ended with every objection answered.</summary>
    public void Finalise(int unansweredObjections, DateOnly today, DateTimeOffset now)
    {
        AggregateRootRules.Check(new NoticeIsFinalisedOnceRule(IsFinal));
        AggregateRootRules.Check(new NoticeWindowMustHaveEndedRule(WindowClosesOn, today));
        AggregateRootRules.Check(new EveryObjectionMustBeAnsweredRule(unansweredObjections));
        FinalisedAt = now;
    }

    internal static Notice Publish(Guid id, Scheme scheme, int subjectCount, int workingDays, WorkingDayCalendar calendar, DateOnly today, DateTimeOffset now)
    {
        var (opens, closes) = PublicationWindow.After(today, workingDays, calendar);
        return new Notice
        {
            Id = id,
            SchemeId = scheme.Id,
            OrganisationId = scheme.OrganisationId,
            Year = scheme.Year,
            PublishedAt = now,
            WindowOpensOn = opens,
            WindowClosesOn = closes,
            SubjectCount = subjectCount,
        };
    }
}

/// <summary>
/// Where a notice stands for a resident: open to objections until its window's last day (the days
/// between publication and the window's first day included, as filing is), then waiting for the
/// secretary to finalise, then final.
/// </summary>
public enum NoticeState
{
    Open,
    Closed,
    Final,
}

public static class NoticeStates
{
    public static NoticeState Of(bool final, DateOnly windowClosesOn, DateOnly today) =>
        final ? NoticeState.Final : today > windowClosesOn ? NoticeState.Closed : NoticeState.Open;

    /// <summary>The stable code clients filter and switch on.</summary>
    public static string Code(NoticeState state) => state switch
    {
        NoticeState.Open => "open",
        NoticeState.Closed => "closed",
        _ => "final",
    };

    public static NoticeState? FromCode(string code) => code switch
    {
        "open" => NoticeState.Open,
        "closed" => NoticeState.Closed,
        "final" => NoticeState.Final,
        _ => null,
    };

    /// <summary>The state as a published notice board shows it.</summary>
    public static string Zh(NoticeState state) => state switch
    {
        NoticeState.Open => "公示中",
        NoticeState.Closed => "公示期满",
        _ => "已确认",
    };
}

/// <summary>One subject's computed result for a closed year.</summary>
public sealed class AssessmentResult
{
    public Guid SchemeId { get; init; }

    public Guid SubjectId { get; init; }

    public required string Name { get; init; }

    public decimal Total { get; init; }

    /// <summary>Dimension code → clipped score, as JSON.</summary>
    public required string Scores { get; init; }

    public Grade Grade { get; init; }

    public int Rank { get; init; }
}

public sealed record NoticeIsFinalisedOnceRule(bool Final) : IBusinessRule
{
    public bool IsBroken() => Final;

    public string Code => "notice.already-final";

    public string MessageZh => "考核结果已确定，不能再次确定。";

    public string MessageEn => "The results are final already.";
}

public sealed record NoticeWindowMustHaveEndedRule(DateOnly WindowClosesOn, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => Today <= WindowClosesOn;

    public string Code => "notice.window-open";

    public string MessageZh => $"公示期至 {WindowClosesOn:yyyy-MM-dd} 结束，期满后方可确定结果。";

    public string MessageEn => $"The window runs until {WindowClosesOn:yyyy-MM-dd}; results become final after it.";
}

public sealed record EveryObjectionMustBeAnsweredRule(int Unanswered) : IBusinessRule
{
    public bool IsBroken() => Unanswered > 0;

    public string Code => "notice.objections-unanswered";

    public string MessageZh => $"尚有 {Unanswered} 条异议未答复。";

    public string MessageEn => $"{Unanswered} objection(s) are still unanswered.";
}

/// <summary>What a final result leads to (the Hefeng rules: commend Excellent, talk to Unqualified, two Unqualified years in a row → withdrawal advice).</summary>
public static class Consequences
{
    /// <summary>How long the branch has for the organisational talk after results are final.</summary>
    public const int TalkDueWithinDays = 30;

    public static bool UnqualifiedConsecutively(Grade thisYear, Grade? previousFinalYear) =>
        thisYear == Grade.Unqualified && previousFinalYear == Grade.Unqualified;
}
