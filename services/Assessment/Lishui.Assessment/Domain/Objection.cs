using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

/// <summary>
/// 异议: a resident's objection to a published result, filed during the window (anonymous allowed,
/// contact optional); the secretary must answer it. An upheld one comes with a correcting entry.
/// </summary>
public sealed class Objection
{
    public const int MaxTextLength = 1000;
    public const int MaxContactLength = 100;

    /// <summary>The secretary answers within this many working days of the filing.</summary>
    public const int AnswerWithinWorkingDays = 5;

    private Objection()
    {
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid NoticeId { get; private set; }

    /// <summary>Whose result it is about, as the resident names it (optional: may concern the whole list).</summary>
    public string? Concerning { get; private set; }

    public string Text { get; private set; }

    /// <summary>Null when anonymous.</summary>
    public string? FiledBy { get; private set; }

    public string? Contact { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public string? Answer { get; private set; }

    public bool? Upheld { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public Guid? CorrectionEntryId { get; private set; }

    public bool IsAnswered => AnsweredAt is not null;

    public DateOnly AnswerBy(WorkingDayCalendar calendar) =>
        PublicationWindow.After(TownCalendar.DateOf(FiledAt), AnswerWithinWorkingDays, calendar).ClosesOn;

    public static Objection File(Guid id, Notice notice, string? concerning, string text, string? filedBy, string? contact, DateOnly today, DateTimeOffset now)
    {
        AggregateRootRules.Check(new ObjectionMustBeFiledWithinTheWindowRule(notice.WindowClosesOn, today));
        AggregateRootRules.Check(new TextMustBeGivenRule("text", "异议内容", "text", text, MaxTextLength));
        foreach (var (field, zh, en, value, max) in new[] { ("concerning", "异议对象", "concerning", concerning, 50), ("filedBy", "姓名", "filed-by", filedBy, 50), ("contact", "联系方式", "contact", contact, MaxContactLength) })
        {
            if (value is not null)
            {
                AggregateRootRules.Check(new TextMustBeGivenRule(field, zh, en, value, max));
            }
        }

        return new Objection
        {
            Id = id,
            NoticeId = notice.Id,
            Concerning = concerning?.Trim(),
            Text = text.Trim(),
            FiledBy = filedBy?.Trim(),
            Contact = contact?.Trim(),
            FiledAt = now,
        };
    }

    public void AnswerWith(string answer, bool upheld, string answeredBy, Guid? correctionEntryId, DateTimeOffset now)
    {
        // Every objection is answered before results become final, so an answer never lands on a final notice.
        AggregateRootRules.Check(new ObjectionIsAnsweredOnceRule(IsAnswered));
        AggregateRootRules.Check(new TextMustBeGivenRule("answer", "答复", "answer", answer, MaxTextLength));
        AggregateRootRules.Check(new TextMustBeGivenRule("answeredBy", "答复人", "answered-by", answeredBy, 100));
        Answer = answer.Trim();
        Upheld = upheld;
        AnsweredBy = answeredBy.Trim();
        AnsweredAt = now;
        CorrectionEntryId = correctionEntryId;
    }
}

public sealed record ObjectionMustBeFiledWithinTheWindowRule(DateOnly WindowClosesOn, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => Today > WindowClosesOn;

    public string Code => "objection.window-closed";

    public string MessageZh => $"公示期已于 {WindowClosesOn:yyyy-MM-dd} 结束，不能再提出异议。";

    public string MessageEn => $"The publication window closed on {WindowClosesOn:yyyy-MM-dd}; objections are no longer accepted.";
}

public sealed record ObjectionIsAnsweredOnceRule(bool Answered) : IBusinessRule
{
    public bool IsBroken() => Answered;

    public string Code => "objection.already-answered";

    public string MessageZh => "该异议已答复。";

    public string MessageEn => "This objection has already been answered.";
}
