using Lishui.Contracts;
using Lishui.Contracts.Assessment;
using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

/// <summary>What a scheme says: total, dimensions, grade thresholds, optional Excellent cap, event rules.</summary>
public sealed record SchemeContent(
    decimal Total,
    IReadOnlyList<Dimension> Dimensions,
    GradeThresholds Thresholds,
    decimal? ExcellentShareCap,
    IReadOnlyList<PointsRule> Rules)
{
    public void Check()
    {
        AggregateRootRules.Check(new DimensionsMustBeWellFormedRule(Dimensions));
        AggregateRootRules.Check(new DimensionMaximaMustSumToTotalRule(Dimensions, Total));
        AggregateRootRules.Check(new GradeThresholdsMustBeOrderedRule(Thresholds, Total));
        AggregateRootRules.Check(new ExcellentShareCapMustBeAFractionRule(ExcellentShareCap));
        AggregateRootRules.Check(new PointsRulesMustFitTheSchemeRule(Rules, Dimensions));
    }
}

internal static class AggregateRootRules
{
    public static void Check(IBusinessRule rule)
    {
        if (rule.IsBroken())
        {
            throw new BusinessRuleViolation(rule);
        }
    }
}

/// <summary>
/// 考核方案: how one organisation scores one kind of subject for one year. The scheme is also the
/// aggregate of its points ledger: every entry bumps <see cref="AggregateRoot.Version"/> (the events'
/// sequence and the optimistic lock), so no entry slips in while the year is being closed.
/// </summary>
public sealed class Scheme : AggregateRoot
{
    private Scheme()
    {
        Dimensions = [];
        Rules = [];
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public int Year { get; private set; }

    public SubjectType SubjectType { get; private set; }

    public SchemeTopic Topic { get; private set; }

    public decimal Total { get; private set; }

    public IReadOnlyList<Dimension> Dimensions { get; private set; }

    public decimal ExcellentFrom { get; private set; }

    public decimal QualifiedFrom { get; private set; }

    public decimal BasicallyQualifiedFrom { get; private set; }

    public decimal? ExcellentShareCap { get; private set; }

    public IReadOnlyList<PointsRule> Rules { get; private set; }

    /// <summary>1 for the scheme as created; each revision adds one (and a version row).</summary>
    public int Revision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsClosed => ClosedAt is not null;

    public GradeThresholds Thresholds => new(ExcellentFrom, QualifiedFrom, BasicallyQualifiedFrom);

    public SchemeContent Content => new(Total, Dimensions, Thresholds, ExcellentShareCap, Rules);

    public static Scheme Create(
        Guid id, Guid organisationId, int year, SubjectType subjectType, SchemeContent content, DateTimeOffset now, SchemeTopic? topic = null)
    {
        CheckRule(new SchemeYearMustBeSensibleRule(year));
        topic ??= SchemeTopics.DefaultFor(subjectType);
        CheckRule(new TopicMustFitTheSubjectTypeRule(subjectType, topic));
        content.Check();
        var scheme = new Scheme
        {
            Id = id,
            OrganisationId = organisationId,
            Year = year,
            SubjectType = subjectType,
            Topic = topic!.Value,
            CreatedAt = now,
        };
        scheme.Apply(content);
        scheme.Revision = 1;
        return scheme;
    }

    /// <summary>
    /// A new version of the scheme. Kept simple: the latest version grades the whole year; the
    /// reason and effective date are recorded with the version row for the audit trail.
    /// </summary>
    public void Revise(SchemeContent content, string? reason, DateOnly? effectiveFrom, DateOnly today)
    {
        CheckRule(new SchemeMustBeOpenRule(IsClosed));
        CheckRule(new RevisionAfterStartNeedsReasonAndDateRule(Year, today, reason, effectiveFrom));
        content.Check();
        CheckRule(new RevisionMustKeepExistingDimensionsRule(Dimensions, content.Dimensions));
        Apply(content);
        Revision++;
        NextVersion();
    }

    public Dimension DimensionOf(string code) =>
        Dimensions.FirstOrDefault(d => d.Code == code) ?? throw new BusinessRuleViolation(new DimensionMustBeInSchemeRule(Dimensions, code));

    /// <summary>A secretary's manual entry on the open year's ledger; PointsAwarded goes out with it.</summary>
    public LedgerEntry EnterPoints(
        Guid id, Guid subjectId, string dimension, decimal points, string reason, string enteredBy, string? evidence, DateTimeOffset now) =>
        Awarded(LedgerEntry.Manual(id, this, subjectId, dimension, points, reason, enteredBy, evidence, now), now);

    /// <summary>The entry a points rule gives for another service's event.</summary>
    public LedgerEntry Score(Guid id, Award award, DateOnly occurredOn, DateTimeOffset now) =>
        Awarded(LedgerEntry.FromEvent(id, this, award, occurredOn, now), now);

    /// <summary>The correcting entry of an upheld objection, on the closed year's ledger.</summary>
    public LedgerEntry CorrectAfterObjection(
        Guid id, Guid subjectId, string dimension, decimal points, string reason, string enteredBy, DateTimeOffset now) =>
        Awarded(LedgerEntry.ObjectionCorrection(id, this, subjectId, dimension, points, reason, enteredBy, now), now);

    /// <summary>Cancels <paramref name="original"/> by an entry of the opposite points; PointsReversed goes out with it.</summary>
    public LedgerEntry Reverse(LedgerEntry original, Guid id, bool alreadyReversed, string reason, string enteredBy, DateTimeOffset now)
    {
        var reversal = original.Reverse(id, this, alreadyReversed, reason, enteredBy, now);
        AddDomainEvent(new PointsReversed
        {
            EntryId = reversal.Id,
            ReversedEntryId = original.Id,
            SchemeId = Id,
            Year = Year,
            SubjectId = reversal.SubjectId,
            Dimension = reversal.Dimension,
            Points = reversal.Points,
        }.About(Id, OrganisationId, reversal.Sequence, now));
        return reversal;
    }

    /// <summary>Claims the next ledger sequence number; refused once the year is closed.</summary>
    internal long RecordLedgerEntry()
    {
        CheckRule(new SchemeMustBeOpenRule(IsClosed));
        return NextVersion();
    }

    /// <summary>A closed year's ledger takes only corrections from upheld objections while its notice is out.</summary>
    internal long RecordObjectionCorrection()
    {
        CheckRule(new OnlyAClosedYearTakesObjectionCorrectionsRule(IsClosed));
        return NextVersion();
    }

    /// <summary>
    /// What one member's final result leads to (the Hefeng rules): Excellent is commended; Unqualified
    /// gets an organisational talk, and after an Unqualified final result the year before, withdrawal advice.
    /// </summary>
    public void RecordConsequences(Notice notice, Guid memberId, Grade grade, Grade? previousFinalYear, DateTimeOffset now)
    {
        CheckRule(new OnlyAClosedYearTakesObjectionCorrectionsRule(IsClosed));
        if (grade == Grade.Excellent)
        {
            Record(new MemberCommended { MemberId = memberId, SchemeId = Id, NoticeId = notice.Id, Year = Year }, Id, OrganisationId, now);
        }

        if (grade != Grade.Unqualified)
        {
            return;
        }

        var dueOn = TownCalendar.DateOf(now).AddDays(Consequences.TalkDueWithinDays);
        Record(new OrganisationalTalkRequired { MemberId = memberId, SchemeId = Id, NoticeId = notice.Id, Year = Year, DueOn = dueOn }, Id, OrganisationId, now);
        if (Consequences.UnqualifiedConsecutively(grade, previousFinalYear))
        {
            Record(new MemberUnqualifiedConsecutively { MemberId = memberId, SchemeId = Id, PreviousYear = Year - 1, Year = Year }, Id, OrganisationId, now);
        }
    }

    /// <summary>Always refused for a closed year (see <see cref="AClosedYearIsNotReopenedRule"/>); an open one has nothing to reopen.</summary>
    public void Reopen()
    {
        CheckRule(new OnlyAClosedYearTakesObjectionCorrectionsRule(IsClosed));
        CheckRule(new AClosedYearIsNotReopenedRule(IsClosed));
    }

    /// <summary>Freezes the ledger. The caller stores the results (set-based, in the database) and then <see cref="PublishNotice"/>s them.</summary>
    public void Close(DateTimeOffset now)
    {
        CheckRule(new SchemeMustBeOpenRule(IsClosed));
        ClosedAt = now;
        NextVersion();
    }

    /// <summary>
    /// Puts the closed year's results up for public notice; AssessmentNoticePublished carries the
    /// close's sequence, being the one event of the close.
    /// </summary>
    public Notice PublishNotice(Guid noticeId, int subjectCount, int workingDays, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        if (!IsClosed)
        {
            throw new InvalidOperationException("Close the scheme before publishing its results.");
        }

        var notice = Notice.Publish(noticeId, this, subjectCount, workingDays, calendar, TownCalendar.DateOf(now), now);
        AddDomainEvent(new AssessmentNoticePublished
        {
            NoticeId = notice.Id,
            SchemeId = Id,
            Year = Year,
            SubjectType = SubjectType.ToString(),
            SubjectCount = notice.SubjectCount,
            WindowOpensOn = notice.WindowOpensOn,
            WindowClosesOn = notice.WindowClosesOn,
        }.About(Id, OrganisationId, Version, now));
        return notice;
    }

    /// <summary>Records PointsAwarded for an entry just made on this scheme's ledger, with the sequence the entry took.</summary>
    private LedgerEntry Awarded(LedgerEntry entry, DateTimeOffset now)
    {
        AddDomainEvent(new PointsAwarded
        {
            EntryId = entry.Id,
            SchemeId = Id,
            Year = Year,
            SubjectId = entry.SubjectId,
            Dimension = entry.Dimension,
            Points = entry.Points,
            Source = entry.Source.ToString(),
            SourceEventId = entry.SourceEventId,
        }.About(Id, OrganisationId, entry.Sequence, now));
        return entry;
    }

    private void Apply(SchemeContent content)
    {
        Total = content.Total;
        Dimensions = content.Dimensions.Select(d => d with { Code = d.Code.Trim(), Name = d.Name.Trim() }).ToList();
        ExcellentFrom = content.Thresholds.Excellent;
        QualifiedFrom = content.Thresholds.Qualified;
        BasicallyQualifiedFrom = content.Thresholds.BasicallyQualified;
        ExcellentShareCap = content.ExcellentShareCap;
        Rules = content.Rules.Select(r => r with { EventType = PointsRule.EventTypeOf(r.EventType.Trim()) }).ToList();
    }
}

/// <summary>One row per scheme version (the first included): what it said, from when, and why it changed.</summary>
public sealed class SchemeVersion
{
    private SchemeVersion()
    {
        Content = null!;
    }

    public Guid SchemeId { get; private set; }

    public int Revision { get; private set; }

    public SchemeContent Content { get; private set; }

    public DateOnly? EffectiveFrom { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static SchemeVersion Of(Scheme scheme, DateOnly? effectiveFrom, string? reason, DateTimeOffset now) => new()
    {
        SchemeId = scheme.Id,
        Revision = scheme.Revision,
        Content = scheme.Content,
        EffectiveFrom = effectiveFrom,
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        RecordedAt = now,
    };
}
