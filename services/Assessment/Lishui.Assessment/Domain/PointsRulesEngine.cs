namespace Lishui.Assessment.Domain;

/// <summary>An event from another service, reduced to what scoring needs; <paramref name="Outcome"/> as <see cref="PointsRule.Outcome"/> names it.</summary>
public sealed record ScorableEvent(string EventType, Guid EventId, Guid SubjectId, DateOnly OccurredOn, string? Outcome = null);

/// <summary>Points one rule gives for one event.</summary>
public sealed record Award(string RuleCode, Guid EventId, Guid SubjectId, string Dimension, decimal Points);

/// <summary>
/// Turns an event into ledger awards through a scheme's rules: every rule for the event's type and
/// outcome scores, clipped so the subject's total from that rule within the period never passes its cap.
/// Duplicate delivery is not this class's concern: the consumer's inbox row makes it score once.
/// </summary>
public static class PointsRulesEngine
{
    public static (DateOnly From, DateOnly To) PeriodOf(RulePeriod period, DateOnly day) => period switch
    {
        RulePeriod.Month => (new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
        _ => (new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31)),
    };

    /// <param name="awardedInPeriod">What the rule has already given this subject in the event's period (signed).</param>
    public static IReadOnlyList<Award> Score(IEnumerable<PointsRule> rules, ScorableEvent e, Func<PointsRule, decimal> awardedInPeriod)
    {
        var awards = new List<Award>();
        foreach (var rule in rules.Where(r => r.EventType == e.EventType && r.ScoredOutcome() == e.Outcome))
        {
            var points = rule.Points;
            if (rule.CapPerPeriod is { } cap)
            {
                var room = cap - Math.Abs(awardedInPeriod(rule));
                if (room <= 0)
                {
                    continue;
                }

                points = Math.Sign(points) * Math.Min(Math.Abs(points), room);
            }

            awards.Add(new Award(rule.Code, e.EventId, e.SubjectId, rule.Dimension, points));
        }

        return awards;
    }
}
