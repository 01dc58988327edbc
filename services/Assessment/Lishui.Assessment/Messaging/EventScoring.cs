using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Contracts;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// Scores events from another service in every open member scheme of the event's year that covers
/// the member: schemes of the member's organisation and of every organisation above it (a village
/// committee's scheme covers the members of its branches and party–mass groups). Runs inside the
/// consumer's inbox transaction, so the entries, their PointsAwarded events and the inbox rows commit
/// together or not at all. An event for a closed year scores nothing: the ledger is frozen.
/// A batch reads the organisations, schemes and capped totals once, whatever its size; events are
/// scored in order, so a cap counts what earlier events of the same batch gave.
/// </summary>
public static class EventScoring
{
    public static async Task<IReadOnlyList<LedgerEntry>> ScoreAsync(
        AssessmentDbContext db, IReadOnlyList<EventToScore> events, DateTimeOffset now, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return [];
        }

        var covering = await db.AncestorsAndSelfAsync(events.Select(e => e.OrganisationId).ToList(), ct);
        var organisations = covering.SelectMany(c => c).Distinct().ToList();
        var years = events.Select(e => e.Event.OccurredOn.Year).Distinct().ToList();
        var schemes = await db.Schemes
            .Where(s => organisations.Contains(s.OrganisationId) && s.SubjectType == SubjectType.Member && years.Contains(s.Year) && s.ClosedAt == null)
            .ToListAsync(ct);
        var awarded = await CappedTotalsAsync(db, schemes, events, ct);

        var entries = new List<LedgerEntry>();
        foreach (var item in events)
        {
            var e = item.Event with { EventType = PointsRule.EventTypeOf(item.Event.EventType) };
            var above = covering[item.OrganisationId].ToHashSet();
            foreach (var scheme in schemes.Where(s => above.Contains(s.OrganisationId) && s.Year == e.OccurredOn.Year && s.Rules.Any(r => r.EventType == e.EventType)))
            {
                foreach (var award in PointsRulesEngine.Score(scheme.Rules, e, rule => awarded.InPeriod(scheme.Id, e.SubjectId, rule, e.OccurredOn)))
                {
                    var entry = scheme.Score(Guid.CreateVersion7(now), award, e.OccurredOn, now);
                    db.LedgerEntries.Add(entry);
                    awarded.Add(scheme.Id, e.SubjectId, award.RuleCode, e.OccurredOn, award.Points);
                    entries.Add(entry);
                }
            }
        }

        return entries;
    }

    /// <summary>
    /// What capped rules have given the batch's subjects so far, by day; only capped rules are read
    /// (an uncapped rule scores without looking back).
    /// </summary>
    private static async Task<AwardedSoFar> CappedTotalsAsync(AssessmentDbContext db, List<Scheme> schemes, IReadOnlyList<EventToScore> events, CancellationToken ct)
    {
        var capped = schemes.SelectMany(s => s.Rules.Where(r => r.CapPerPeriod is not null).Select(r => r.Code)).Distinct().ToList();
        if (capped.Count == 0)
        {
            return new AwardedSoFar([]);
        }

        var schemeIds = schemes.Select(s => s.Id).ToList();
        var subjects = events.Select(e => e.Event.SubjectId).Distinct().ToList();
        var from = new DateOnly(events.Min(e => e.Event.OccurredOn.Year), 1, 1);
        var rows = await db.LedgerEntries
            .Where(x => schemeIds.Contains(x.SchemeId) && subjects.Contains(x.SubjectId) && capped.Contains(x.RuleCode!) && x.OccurredOn >= from)
            .GroupBy(x => new { x.SchemeId, x.SubjectId, x.RuleCode, x.OccurredOn })
            .Select(g => new { g.Key.SchemeId, g.Key.SubjectId, g.Key.RuleCode, g.Key.OccurredOn, Points = g.Sum(x => x.Points) })
            .ToListAsync(ct);
        return new AwardedSoFar(rows.Select(r => new AwardedOnDay(r.SchemeId, r.SubjectId, r.RuleCode!, r.OccurredOn, r.Points)).ToList());
    }

    private sealed record AwardedOnDay(Guid SchemeId, Guid SubjectId, string RuleCode, DateOnly Day, decimal Points);

    /// <summary>Points per scheme, subject, rule and day, read once and kept up to date as the batch scores.</summary>
    private sealed class AwardedSoFar(List<AwardedOnDay> days)
    {
        public decimal InPeriod(Guid scheme, Guid subject, PointsRule rule, DateOnly day)
        {
            var (from, to) = PointsRulesEngine.PeriodOf(rule.Period, day);
            return days.Where(d => d.SchemeId == scheme && d.SubjectId == subject && d.RuleCode == rule.Code && d.Day >= from && d.Day <= to).Sum(d => d.Points);
        }

        public void Add(Guid scheme, Guid subject, string rule, DateOnly day, decimal points) => days.Add(new AwardedOnDay(scheme, subject, rule, day, points));
    }
}

/// <summary>An event reduced to what scoring needs, and the organisation whose schemes (and those above it) score it.</summary>
public sealed record EventToScore(ScorableEvent Event, Guid OrganisationId);

/// <summary>A member an event gives points to, the day it counts for, the member's organisation when the event says it, and the event's outcome for them.</summary>
public sealed record ScoredMember(Guid MemberId, DateOnly OccurredOn, Guid? OrganisationId = null, string? Outcome = null);

/// <summary>
/// The shape every points-giving consumer takes: say which members an event scores and on which day;
/// the inbox (duplicate delivery scores once), the rules and the ledger are shared. Events arrive in
/// batches (Messaging:Batch), scored in one transaction.
/// </summary>
public abstract class PointsFromEventConsumer<TEvent>(AssessmentDbContext db, TimeProvider time)
    : IdempotentBatchConsumer<TEvent, AssessmentDbContext>(db)
    where TEvent : IntegrationEvent
{
    /// <summary>The members the event scores (none when it scores nobody).</summary>
    protected abstract IEnumerable<ScoredMember> MembersOf(TEvent message);

    protected override async Task HandleBatchAsync(IReadOnlyList<TEvent> messages, CancellationToken ct)
    {
        var type = PointsRule.EventTypeOf(ContractCatalog.UrnOf(typeof(TEvent)));
        var scored = messages.SelectMany(m => MembersOf(m).Select(member => (Message: m, Member: member))).ToList();

        // The local roll knows a member's organisation; a member not known here yet counts for the event's.
        var unplaced = scored.Where(x => x.Member.OrganisationId is null).Select(x => x.Member.MemberId).Distinct().ToList();
        var roll = unplaced.Count == 0
            ? []
            : await Db.Members.Where(m => unplaced.Contains(m.MemberId)).ToDictionaryAsync(m => m.MemberId, m => m.OrganisationId, ct);
        var events = scored.Select(x => new EventToScore(
            new ScorableEvent(type, x.Message.EventId, x.Member.MemberId, x.Member.OccurredOn, x.Member.Outcome),
            x.Member.OrganisationId ?? (roll.TryGetValue(x.Member.MemberId, out var organisation) ? organisation : x.Message.OrganisationId))).ToList();
        await EventScoring.ScoreAsync(Db, events, time.GetUtcNow(), ct);
    }
}
