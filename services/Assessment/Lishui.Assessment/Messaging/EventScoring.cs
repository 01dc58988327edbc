using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Features.Ledger;
using Lishui.Contracts;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// Scores an event from another service in every open scheme of the event's organisation and year
/// that has a rule for it. Runs inside the consumer's inbox transaction, so the entries, their
/// PointsAwarded events and the inbox row commit together or not at all. An event for a closed
/// year scores nothing: the ledger is frozen.
/// </summary>
public static class EventScoring
{
    public static async Task<IReadOnlyList<LedgerEntry>> ScoreAsync(
        AssessmentDbContext db, ScorableEvent e, Guid organisationId, DateTimeOffset now, CancellationToken ct)
    {
        var schemes = await db.Schemes
            .Where(s => s.OrganisationId == organisationId && s.Year == e.OccurredOn.Year && s.ClosedAt == null)
            .ToListAsync(ct);
        e = e with { EventType = PointsRule.EventTypeOf(e.EventType) };
        var entries = new List<LedgerEntry>();
        foreach (var scheme in schemes.Where(s => s.Rules.Any(r => r.EventType == e.EventType)))
        {
            var awardedSoFar = new Dictionary<string, decimal>();
            foreach (var rule in scheme.Rules.Where(r => r.EventType == e.EventType))
            {
                var (from, to) = PointsRulesEngine.PeriodOf(rule.Period, e.OccurredOn);
                awardedSoFar[rule.Code] = await db.LedgerEntries
                    .Where(x => x.SchemeId == scheme.Id && x.SubjectId == e.SubjectId && x.RuleCode == rule.Code && x.OccurredOn >= from && x.OccurredOn <= to)
                    .SumAsync(x => x.Points, ct);
            }

            foreach (var award in PointsRulesEngine.Score(scheme.Rules, e, rule => awardedSoFar[rule.Code]))
            {
                var entry = LedgerEntry.FromEvent(Guid.CreateVersion7(now), scheme, award, e.OccurredOn, now);
                db.LedgerEntries.Add(entry);
                db.AddToOutbox(AddLedgerEntry.Awarded(scheme, entry, now));
                entries.Add(entry);
            }
        }

        return entries;
    }
}

/// <summary>
/// The shape every points-giving consumer takes: say how an event names its subject and day; the
/// inbox (duplicate delivery scores once), the rules and the ledger are shared. Consumers for
/// Pairing's and PracticalProjects' events derive from this.
/// </summary>
public abstract class PointsFromEventConsumer<TEvent>(AssessmentDbContext db, TimeProvider time)
    : IdempotentConsumer<TEvent, AssessmentDbContext>(db)
    where TEvent : IntegrationEvent
{
    /// <summary>The member the event is about and the day it happened; null when it scores nobody.</summary>
    protected abstract (Guid SubjectId, DateOnly OccurredOn)? SubjectOf(TEvent message);

    /// <summary>Whose schemes score the event: by default the organisation the event belongs to.</summary>
    protected virtual Guid OrganisationOf(TEvent message) => message.OrganisationId;

    protected override async Task HandleAsync(TEvent message, CancellationToken ct)
    {
        if (SubjectOf(message) is not { } subject)
        {
            return;
        }

        var scorable = new ScorableEvent(PointsRule.EventTypeOf(ContractCatalog.UrnOf(typeof(TEvent))), message.EventId, subject.SubjectId, subject.OccurredOn);
        await EventScoring.ScoreAsync(Db, scorable, OrganisationOf(message), time.GetUtcNow(), ct);
    }
}
