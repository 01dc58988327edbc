using Lishui.Contracts.PracticalProjects;
using Lishui.Shared.Domain;

namespace Lishui.PracticalProjects.Domain.Opinions;

public readonly record struct OpinionCollectionId(Guid Value);

public enum Position
{
    Agree,
    Disagree,
    Abstain,
}

/// <summary>
/// How the household signed its position: a typed name the household confirmed, or a drawn signature
/// stored as an image (its id). Either one is a signature; a position without one is only an abstention.
/// </summary>
public sealed record HouseholdSignature(string? SignedName, bool Confirmed, Guid? ImageId)
{
    public const int MaxSignedNameLength = 50;

    public static readonly HouseholdSignature None = new(null, false, null);

    public bool IsGiven => ImageId is not null || (Confirmed && !string.IsNullOrWhiteSpace(SignedName));
}

/// <summary>
/// A household's position as recorded at one visit; a later visit replaces it, history kept.
/// <c>SignatureReference</c> is the number of a paper form, when there is one.
/// </summary>
public sealed record HouseholdPosition(
    Guid HouseholdId, Position Position, string? SignatureReference, Guid VisitedBy, DateOnly VisitedOn, int Revision,
    string? SignedName = null, bool SignatureConfirmed = false, Guid? SignatureImageId = null, DateTimeOffset? RecordedAt = null);

public sealed record OpinionResult(int Affected, int Agree, int Disagree, int Abstain, int NotVisited, decimal AgreeShare, bool Passed);

/// <summary>
/// 征求意见: before a decision, each affected household's position is collected by a visiting member;
/// the decision passes when the share of affected households that agree reaches the threshold.
/// </summary>
public sealed class OpinionCollection : AggregateRoot
{
    public const int MaxSubjectLength = 200;

    private readonly List<HouseholdPosition> positions = [];

    private OpinionCollection()
    {
        Subject = EconomicCooperative = string.Empty;
    }

    public OpinionCollectionId Id { get; private set; }

    public string Subject { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string EconomicCooperative { get; private set; }

    public Guid? ProjectId { get; private set; }

    public int AffectedHouseholds { get; private set; }

    /// <summary>Percentage of affected households that must agree (default 90).</summary>
    public int ThresholdPercent { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public bool? Passed { get; private set; }

    /// <summary>Every recorded visit, amendments included; the latest revision per household counts.</summary>
    public IReadOnlyList<HouseholdPosition> Positions => positions;

    public static OpinionCollection Open(
        OpinionCollectionId id, string subject, Guid organisationId, string economicCooperative, Guid? projectId, int affectedHouseholds, int thresholdPercent)
    {
        Rules.Check(new CollectionSubjectMustBeGivenRule(subject));
        Rules.Check(new AffectedHouseholdsMustBePositiveRule(affectedHouseholds));
        Rules.Check(new ThresholdMustBeAPercentageRule(thresholdPercent));
        var collection = new OpinionCollection
        {
            Id = id,
            Subject = subject.Trim(),
            OrganisationId = organisationId,
            EconomicCooperative = economicCooperative.Trim(),
            ProjectId = projectId,
            AffectedHouseholds = affectedHouseholds,
            ThresholdPercent = thresholdPercent,
        };
        collection.NextVersion();
        return collection;
    }

    /// <summary>
    /// Records what a household said at a visit. The household must be on the cooperative's register
    /// (<paramref name="onRegister"/>, as the caller found it), and agreeing or disagreeing must be signed.
    /// </summary>
    public HouseholdPosition Record(
        Guid householdId, bool onRegister, Position position, HouseholdSignature signature, string? signatureReference, Guid visitedBy, DateOnly visitedOn,
        DateOnly today, DateTimeOffset now)
    {
        Rules.Check(new CollectionMustBeOpenRule(CompletedAt is not null));
        Rules.Check(new HouseholdMustBeOnTheRegisterRule(onRegister, EconomicCooperative));
        Rules.Check(new VisitCannotBeInTheFutureRule(visitedOn, today));
        Rules.Check(new SignedNameMustFitRule(signature.SignedName));
        Rules.Check(new PositionMustBeSignedRule(position, signature));
        var current = Current();
        Rules.Check(new NoMoreHouseholdsThanAffectedRule(current.ContainsKey(householdId), current.Count, AffectedHouseholds));
        var revision = current.TryGetValue(householdId, out var earlier) ? earlier.Revision + 1 : 1;
        var recorded = new HouseholdPosition(
            householdId, position, string.IsNullOrWhiteSpace(signatureReference) ? null : signatureReference.Trim(), visitedBy, visitedOn, revision,
            string.IsNullOrWhiteSpace(signature.SignedName) ? null : signature.SignedName.Trim(), signature.Confirmed && !string.IsNullOrWhiteSpace(signature.SignedName),
            signature.ImageId, now);
        positions.Add(recorded);
        Record(new HouseholdVisited { CollectionId = Id.Value, HouseholdId = householdId, VisitedBy = visitedBy, VisitedOn = visitedOn, Revision = revision }, Id.Value, OrganisationId, now);
        return recorded;
    }

    public OpinionResult Tally()
    {
        var current = Current().Values.ToList();
        var agree = current.Count(p => p.Position == Position.Agree);
        var share = Math.Round(100m * agree / AffectedHouseholds, 1);
        return new OpinionResult(
            AffectedHouseholds, agree, current.Count(p => p.Position == Position.Disagree), current.Count(p => p.Position == Position.Abstain),
            AffectedHouseholds - current.Count, share, 100 * agree >= ThresholdPercent * AffectedHouseholds);
    }

    public OpinionResult Complete(DateTimeOffset now)
    {
        Rules.Check(new CollectionMustBeOpenRule(CompletedAt is not null));
        var result = Tally();
        CompletedAt = now;
        Passed = result.Passed;
        Record(new OpinionCollectionCompleted
        {
            CollectionId = Id.Value,
            ProjectId = ProjectId,
            AffectedHouseholds = result.Affected,
            Agree = result.Agree,
            Disagree = result.Disagree,
            Abstain = result.Abstain,
            NotVisited = result.NotVisited,
            AgreeShare = result.AgreeShare,
            ThresholdPercent = ThresholdPercent,
            Passed = result.Passed,
        }, Id.Value, OrganisationId, now);
        return result;
    }

    /// <summary>The position that counts for each household: its latest visit.</summary>
    public IReadOnlyCollection<HouseholdPosition> CurrentPositions() => Current().Values;

    private Dictionary<Guid, HouseholdPosition> Current() =>
        positions.GroupBy(p => p.HouseholdId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Revision)!);
}
