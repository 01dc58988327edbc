using Lishui.Assessment.Data;
using Lishui.Assessment.Domain;
using Lishui.Assessment.Features.Ledger;
using Lishui.Contracts;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Assessment.Messaging;

/// <summary>
/// Scores an event from another service in every open member scheme of the event's year that covers
/// the member: schemes of the member's organisation and of every organisation above it (a village
/// committee's scheme covers the members of its branches and party–mass groups). Runs inside the
/// consumer's inbox transaction, so the entries, their PointsAwarded events and the inbox row commit
/// together or not at all. An event for a closed year scores nothing: the ledger is frozen.
/// </summary>
public static class EventScoring
{
    public static async Task<IReadOnlyList<LedgerEntry>> ScoreAsync(
        AssessmentDbContext db, ScorableEvent e, Guid organisationId, DateTimeOffset now, CancellationToken ct)
    {
        var covering = await db.AncestorsAndSelfAsync(organisationId, ct);
        var schemes = await db.Schemes
            .Where(s => covering.Contains(s.OrganisationId) && s.SubjectType == SubjectType.Member && s.Year == e.OccurredOn.Year && s.ClosedAt == null)
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

/// <summary>A member an event gives points to, the day it counts for, and the member's organisation when the event says it.</summary>
public sealed record ScoredMember(Guid MemberId, DateOnly OccurredOn, Guid? OrganisationId = null);

/// <summary>
/// The shape every points-giving consumer takes: say which members an event scores and on which day;
/// the inbox (duplicate delivery scores once), the rules and the ledger are shared.
/// </summary>
public abstract class PointsFromEventConsumer<TEvent>(AssessmentDbContext db, TimeProvider time)
    : IdempotentConsumer<TEvent, AssessmentDbContext>(db)
    where TEvent : IntegrationEvent
{
    /// <summary>The members the event scores (none when it scores nobody).</summary>
    protected abstract IEnumerable<ScoredMember> MembersOf(TEvent message);

    protected override async Task HandleAsync(TEvent message, CancellationToken ct)
    {
        var type = PointsRule.EventTypeOf(ContractCatalog.UrnOf(typeof(TEvent)));
        foreach (var member in MembersOf(message))
        {
            // The local roll knows the member's organisation; a member not known here yet counts for the event's.
            var organisation = member.OrganisationId
                ?? await Db.Members.Where(m => m.MemberId == member.MemberId).Select(m => (Guid?)m.OrganisationId).FirstOrDefaultAsync(ct)
                ?? message.OrganisationId;
            await EventScoring.ScoreAsync(Db, new ScorableEvent(type, message.EventId, member.MemberId, member.OccurredOn), organisation, time.GetUtcNow(), ct);
        }
    }
}
