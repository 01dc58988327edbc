namespace Lishui.Assessment.Domain;

/// <summary>What a scheme scores: members, households (five-good households) or organisations (cooperatives, villages).</summary>
public enum SubjectType
{
    Member,
    Household,
    EconomicCooperative,
    Village,
}

/// <summary>
/// What a scheme assesses. An organisation scores cooperatives both for safety production and for
/// environmental remediation in one year, so a scheme is one per organisation, year, subject type and topic.
/// </summary>
public enum SchemeTopic
{
    /// <summary>党员量化积分考核.</summary>
    MemberPoints,

    /// <summary>五好文明户评选.</summary>
    FiveGoodHousehold,

    /// <summary>安全生产.</summary>
    SafetyProduction,

    /// <summary>环境整治.</summary>
    EnvironmentalRemediation,
}

public static class SchemeTopics
{
    /// <summary>The topic a subject type implies when only one fits; null when the scheme must say.</summary>
    public static SchemeTopic? DefaultFor(SubjectType type) => type switch
    {
        SubjectType.Member => SchemeTopic.MemberPoints,
        SubjectType.Household => SchemeTopic.FiveGoodHousehold,
        _ => null,
    };

    /// <summary>The topic as a published list names it.</summary>
    public static string Zh(SchemeTopic topic) => topic switch
    {
        SchemeTopic.MemberPoints => "党员量化积分考核",
        SchemeTopic.FiveGoodHousehold => "五好文明户评选",
        SchemeTopic.SafetyProduction => "安全生产",
        _ => "环境整治",
    };

    public static bool Fits(SubjectType type, SchemeTopic topic) => type switch
    {
        SubjectType.Member => topic == SchemeTopic.MemberPoints,
        SubjectType.Household => topic == SchemeTopic.FiveGoodHousehold,
        _ => topic is SchemeTopic.SafetyProduction or SchemeTopic.EnvironmentalRemediation,
    };
}

/// <summary>优秀 / 合格 / 基本合格 / 不合格.</summary>
public enum Grade
{
    Excellent,
    Qualified,
    BasicallyQualified,
    Unqualified,
}

public static class GradeNames
{
    /// <summary>The grade as a published list shows it.</summary>
    public static string Zh(Grade grade) => grade switch
    {
        Grade.Excellent => "优秀",
        Grade.Qualified => "合格",
        Grade.BasicallyQualified => "基本合格",
        _ => "不合格",
    };
}

/// <summary>考评维度: a code ledger entries refer to, a display name and the most it can contribute.</summary>
public sealed record Dimension(string Code, string Name, decimal Max);

/// <summary>
/// Lower bounds of each grade; Unqualified is everything below BasicallyQualified. As lower bounds of
/// one scale they can neither overlap nor leave gaps once they are strictly ordered.
/// </summary>
public sealed record GradeThresholds(decimal Excellent, decimal Qualified, decimal BasicallyQualified)
{
    public static readonly GradeThresholds Default = new(90, 70, 60);

    public Grade Classify(decimal total) =>
        total >= Excellent ? Grade.Excellent
        : total >= Qualified ? Grade.Qualified
        : total >= BasicallyQualified ? Grade.BasicallyQualified
        : Grade.Unqualified;
}

public enum RulePeriod
{
    Year,
    Month,
}

/// <summary>
/// How an event from another service scores: <paramref name="EventType"/> is the contract's URN,
/// <paramref name="CapPerPeriod"/> the most the rule may add (or, for a deduction, take) for one subject
/// in one period. <paramref name="Outcome"/> picks which of an event's outcomes the rule scores: for a
/// Tuesday study's attendance, <c>Present</c> (the default) or <c>Absent</c> (missed without leave, usually
/// a deduction); an excused absence never scores.
/// </summary>
public sealed record PointsRule(string Code, string EventType, string Dimension, decimal Points, decimal? CapPerPeriod, RulePeriod Period, string? Outcome = null)
{
    public const string AttendanceRecorded = "lishui:pairing:attendance-recorded:v1";

    public const string PartyMassDiscussionAttendanceRecorded = "lishui:pairing:party-mass-discussion-attendance-recorded:v1";

    private const string UrnPrefix = "urn:message:";

    /// <summary>The outcomes a rule may name, by event type; an event type not listed has one outcome (null).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Outcomes = new Dictionary<string, string[]>
    {
        [AttendanceRecorded] = ["Present", "Absent"],
        [PartyMassDiscussionAttendanceRecorded] = ["Present", "Absent"],
    };

    /// <summary>The outcome this rule scores: the one it names, else its event type's first (Present for attendance), else none.</summary>
    public string? ScoredOutcome() => Outcome ?? (Outcomes.TryGetValue(EventTypeOf(EventType), out var outcomes) ? outcomes[0] : null);

    /// <summary>A contract's URN as its attribute spells it (<c>lishui:pairing:contact-logged:v1</c>), with or without MassTransit's prefix.</summary>
    public static string EventTypeOf(string urn) =>
        urn.StartsWith(UrnPrefix, StringComparison.Ordinal) ? urn[UrnPrefix.Length..] : urn;
}

/// <summary>The Hefeng village member scheme from the article: five dimensions, 100 points.</summary>
public static class SchemeTemplates
{
    public static IReadOnlyList<Dimension> HefengMemberDimensions { get; } =
    [
        new("daily-conduct", "日常行为规范", 20),
        new("village-work", "配合村组开展工作", 20),
        new("organisational-life", "参加组织生活", 20),
        new("volunteer-service", "党员志愿服务", 20),
        new("visiting-residents", "走访联系群众", 20),
    ];
}

public static class ExcellentShare
{
    /// <summary>How many subjects may be Excellent under the cap (rounded down); all when there is no cap.</summary>
    public static int Slots(decimal? cap, int subjects) => cap is { } c ? (int)Math.Floor(c * subjects) : subjects;
}

public static class Grading
{
    /// <summary>
    /// A subject's grade from its total and how many subjects score at least as much (ties included):
    /// under an Excellent cap, a tie that would pass the cap is Qualified as a whole, never split.
    /// </summary>
    public static Grade GradeOf(GradeThresholds thresholds, decimal? excellentShareCap, decimal total, long atOrAbove, long subjects)
    {
        var grade = thresholds.Classify(total);
        return grade == Grade.Excellent && atOrAbove > ExcellentShare.Slots(excellentShareCap, (int)subjects) ? Grade.Qualified : grade;
    }
}
