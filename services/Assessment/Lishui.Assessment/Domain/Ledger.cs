using Lishui.Shared.Domain;

namespace Lishui.Assessment.Domain;

public enum EntrySource
{
    /// <summary>Entered by a secretary, with a reason.</summary>
    Manual,

    /// <summary>Scored from another service's event through a rule.</summary>
    Event,

    /// <summary>Cancels an earlier entry.</summary>
    Reversal,

    /// <summary>Corrects a published result after an upheld objection (the only entry a closed year takes).</summary>
    ObjectionCorrection,
}

/// <summary>
/// 积分台账 line: append-only. A correction is a new entry with the opposite points
/// (<see cref="Reverse"/>), never an edit. Entries are made through their <see cref="Scheme"/>, which
/// numbers them and records their events.
/// </summary>
public sealed class LedgerEntry
{
    public const int MaxReasonLength = 500;
    public const int MaxEvidenceLength = 1000;
    public const int MaxEnteredByLength = 100;

    private LedgerEntry()
    {
        Dimension = Reason = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid SchemeId { get; private set; }

    public Guid SubjectId { get; private set; }

    public string Dimension { get; private set; }

    public decimal Points { get; private set; }

    public EntrySource Source { get; private set; }

    public string Reason { get; private set; }

    public string? EnteredBy { get; private set; }

    public string? Evidence { get; private set; }

    public string? RuleCode { get; private set; }

    public Guid? SourceEventId { get; private set; }

    public Guid? ReversesEntryId { get; private set; }

    /// <summary>The day the points are for (the event's day; the entry day for manual entries). Caps per period count by it.</summary>
    public DateOnly OccurredOn { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The scheme's ledger sequence this entry took (also its event's sequence).</summary>
    public long Sequence { get; private set; }

    internal static LedgerEntry Manual(
        Guid id, Scheme scheme, Guid subjectId, string dimension, decimal points, string reason, string enteredBy, string? evidence, DateTimeOffset now)
    {
        var dim = scheme.DimensionOf(dimension);
        AggregateRootRules.Check(new ManualEntryPointsMustBeSensibleRule(points, dim));
        AggregateRootRules.Check(new TextMustBeGivenRule("reason", "理由", "reason", reason, MaxReasonLength));
        AggregateRootRules.Check(new TextMustBeGivenRule("enteredBy", "录入人", "entered-by", enteredBy, MaxEnteredByLength));
        if (evidence is not null)
        {
            AggregateRootRules.Check(new TextMustBeGivenRule("evidence", "佐证", "evidence", evidence, MaxEvidenceLength));
        }

        return new LedgerEntry
        {
            Id = id,
            SchemeId = scheme.Id,
            SubjectId = subjectId,
            Dimension = dim.Code,
            Points = points,
            Source = EntrySource.Manual,
            Reason = reason.Trim(),
            EnteredBy = enteredBy.Trim(),
            Evidence = evidence?.Trim(),
            OccurredOn = TownCalendar.DateOf(now),
            RecordedAt = now,
            Sequence = scheme.RecordLedgerEntry(),
        };
    }

    /// <summary>The correcting entry of an upheld objection: the ledger is frozen to everything else.</summary>
    internal static LedgerEntry ObjectionCorrection(
        Guid id, Scheme scheme, Guid subjectId, string dimension, decimal points, string reason, string enteredBy, DateTimeOffset now)
    {
        var dim = scheme.DimensionOf(dimension);
        AggregateRootRules.Check(new ManualEntryPointsMustBeSensibleRule(points, dim));
        AggregateRootRules.Check(new TextMustBeGivenRule("correction.reason", "更正理由", "reason", reason, MaxReasonLength));
        return new LedgerEntry
        {
            Id = id,
            SchemeId = scheme.Id,
            SubjectId = subjectId,
            Dimension = dim.Code,
            Points = points,
            Source = EntrySource.ObjectionCorrection,
            Reason = reason.Trim(),
            EnteredBy = enteredBy.Trim(),
            OccurredOn = TownCalendar.DateOf(now),
            RecordedAt = now,
            Sequence = scheme.RecordObjectionCorrection(),
        };
    }

    internal static LedgerEntry FromEvent(Guid id, Scheme scheme, Award award, DateOnly occurredOn, DateTimeOffset now)
    {
        var dim = scheme.DimensionOf(award.Dimension);
        return new LedgerEntry
        {
            Id = id,
            SchemeId = scheme.Id,
            SubjectId = award.SubjectId,
            Dimension = dim.Code,
            Points = award.Points,
            Source = EntrySource.Event,
            Reason = $"rule {award.RuleCode}",
            RuleCode = award.RuleCode,
            SourceEventId = award.EventId,
            OccurredOn = occurredOn,
            RecordedAt = now,
            Sequence = scheme.RecordLedgerEntry(),
        };
    }

    /// <summary>The reversing entry for this one. <paramref name="alreadyReversed"/>: whether a reversal of it exists.</summary>
    internal LedgerEntry Reverse(Guid id, Scheme scheme, bool alreadyReversed, string reason, string enteredBy, DateTimeOffset now)
    {
        AggregateRootRules.Check(new EntryIsReversedAtMostOnceRule(this, alreadyReversed));
        AggregateRootRules.Check(new TextMustBeGivenRule("reason", "理由", "reason", reason, MaxReasonLength));
        AggregateRootRules.Check(new TextMustBeGivenRule("enteredBy", "录入人", "entered-by", enteredBy, MaxEnteredByLength));
        return new LedgerEntry
        {
            Id = id,
            SchemeId = SchemeId,
            SubjectId = SubjectId,
            Dimension = Dimension,
            Points = -Points,
            Source = EntrySource.Reversal,
            Reason = reason.Trim(),
            EnteredBy = enteredBy.Trim(),
            ReversesEntryId = Id,
            OccurredOn = OccurredOn,
            RecordedAt = now,
            Sequence = scheme.RecordLedgerEntry(),
        };
    }
}

public sealed record DimensionMustBeInSchemeRule(IReadOnlyList<Dimension> Dimensions, string Dimension) : IBusinessRule
{
    public bool IsBroken() => Dimensions.All(d => d.Code != Dimension);

    public string Code => "ledger.dimension-unknown";

    public string Field => "dimension";

    public string MessageZh => $"考评维度“{Dimension}”不在本方案中（可选：{string.Join("、", Dimensions.Select(d => d.Code))}）。";

    public string MessageEn => $"Dimension '{Dimension}' is not in this scheme (one of: {string.Join(", ", Dimensions.Select(d => d.Code))}).";
}

/// <summary>Non-zero, and no single entry larger than the dimension it is on.</summary>
public sealed record ManualEntryPointsMustBeSensibleRule(decimal Points, Dimension Dimension) : IBusinessRule
{
    public bool IsBroken() => Points == 0 || Math.Abs(Points) > Dimension.Max || decimal.Round(Points, 2) != Points;

    public string Code => "ledger.points-invalid";

    public string Field => "points";

    public string MessageZh => $"分值不能为 0，绝对值不超过该维度满分 {Dimension.Max}，最多两位小数。";

    public string MessageEn => $"Points must be non-zero, at most the dimension's maximum {Dimension.Max} either way, with at most two decimals.";
}

public sealed record TextMustBeGivenRule(string FieldName, string LabelZh, string LabelEn, string? Text, int MaxLength) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > MaxLength;

    public string Code => $"ledger.{LabelEn}-invalid";

    public string Field => FieldName;

    public string MessageZh => $"{LabelZh}不能为空，且不超过 {MaxLength} 个字符。";

    public string MessageEn => $"The {LabelEn} must be given and at most {MaxLength} characters.";
}

/// <summary>A reversal is final; a reversal is not itself reversed (enter the points again instead).</summary>
public sealed record EntryIsReversedAtMostOnceRule(LedgerEntry Entry, bool AlreadyReversed) : IBusinessRule
{
    public bool IsBroken() => AlreadyReversed || Entry.Source == EntrySource.Reversal;

    public string Code => "ledger.already-reversed";

    public string MessageZh => "该记录已被冲正，或本身就是冲正记录。";

    public string MessageEn => "This entry has already been reversed, or is itself a reversal.";
}
