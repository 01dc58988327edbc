using Lishui.Pairing.Data;
using Lishui.Pairing.Domain;
using Lishui.Shared.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lishui.Pairing.Features.Reminders;

public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due reminders; a reminder goes out at most this late.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Town time of the evening-before reminder.</summary>
    public TimeOnly EveningAt { get; set; } = new(20, 0);

    public TimeSpan HourBefore { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many weeks ahead the worker keeps the calendar written.</summary>
    public int HorizonWeeks { get; set; } = 4;

    public ReminderPolicy Policy => new(EveningAt, HourBefore);
}

public sealed record ReminderRun(int StudyReminders, int StationingReminders);

/// <summary>
/// Publishes StudySessionReminderDue and StationingVisitReminderDue when due (the evening before,
/// an hour before). The due rows are locked (FOR UPDATE SKIP LOCKED) and marked sent in the same
/// transaction as their outbox rows, so every reminder goes out once however often this runs and
/// on however many replicas.
/// </summary>
public sealed class ReminderCheck(PairingDbContext db, IOptions<ReminderOptions> options)
{
    public async Task<ReminderRun> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        now = now.ToUniversalTime(); // instants are stored and compared in UTC
        var settings = options.Value;
        await EnsureCalendarAsync(now, settings.HorizonWeeks, ct);
        db.ChangeTracker.Clear();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var study = await StudyRemindersAsync(now, settings.Policy, ct);
        var stationing = await StationingRemindersAsync(now, settings.Policy, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ReminderRun(study, stationing);
    }

    private async Task EnsureCalendarAsync(DateTimeOffset now, int horizonWeeks, CancellationToken ct)
    {
        var today = TownCalendar.DateOf(now);
        var last = today.AddDays(7 * Math.Max(1, horizonWeeks));
        var pairings = await db.OrganisationPairings.AsNoTracking()
            .Where(p => p.StudyTime != null && p.EndedAt == null && (p.EndsOn == null || p.EndsOn >= today))
            .ToListAsync(ct);
        await db.EnsureWeeksAsync(pairings, today, last, ct);
        var schedules = await db.StationingSchedules.AsNoTracking().Where(s => s.EndsOn == null || s.EndsOn >= today).ToListAsync(ct);
        await db.EnsureVisitsAsync(schedules, today, last, ct);
    }

    private async Task<int> StudyRemindersAsync(DateTimeOffset now, ReminderPolicy policy, CancellationToken ct)
    {
        // Everything a reminder may be due for starts within the next two days.
        var until = now.AddDays(2);
        var candidates = await db.ScheduledSessions.FromSql(
                $"""
                SELECT * FROM scheduled_study_sessions
                WHERE NOT skipped AND held_session_id IS NULL AND starts_at > {now} AND starts_at <= {until}
                  AND (evening_reminder_sent_at IS NULL OR hour_reminder_sent_at IS NULL)
                ORDER BY starts_at
                FOR UPDATE SKIP LOCKED
                """)
            .AsAsyncEnumerable().ToListAsync(ct);
        var due = candidates.Select(s => (Session: s, Lead: s.ReminderDue(policy, now))).Where(x => x.Lead is not null).ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var pairingIds = due.Select(d => d.Session.PairingId).Distinct().ToList();
        var pairings = await db.OrganisationPairings.AsNoTracking().Where(p => pairingIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var expected = new Dictionary<Guid, List<Guid>>();
        var sent = 0;
        foreach (var (session, lead) in due)
        {
            var pairing = pairings[session.PairingId];
            if (pairing.IsEnded || !pairing.RunsOn(session.On))
            {
                continue;
            }

            if (!expected.TryGetValue(pairing.Id, out var members))
            {
                members = (await db.ExpectedMembersAsync(pairing, ct)).Select(m => m.MemberId).ToList();
                expected[pairing.Id] = members;
            }

            session.ReminderSent(lead!.Value, pairing, members, now);
            sent++;
        }

        return sent;
    }

    private async Task<int> StationingRemindersAsync(DateTimeOffset now, ReminderPolicy policy, CancellationToken ct)
    {
        var until = now.AddDays(2);
        var candidates = await db.StationingVisits.FromSql(
                $"""
                SELECT * FROM stationing_visits
                WHERE held_on IS NULL AND starts_at > {now} AND starts_at <= {until}
                  AND (evening_reminder_sent_at IS NULL OR hour_reminder_sent_at IS NULL)
                ORDER BY starts_at
                FOR UPDATE SKIP LOCKED
                """)
            .AsAsyncEnumerable().ToListAsync(ct);
        var sent = 0;
        foreach (var visit in candidates)
        {
            if (visit.ReminderDue(policy, now) is not { } lead)
            {
                continue;
            }

            visit.ReminderSent(lead, now);
            sent++;
        }

        return sent;
    }
}
