using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

/// <summary>One Tuesday afternoon of a stationing schedule; recorded once held.</summary>
public sealed class StationingVisit : AggregateRoot
{
    public const int MaxNotesLength = 2000;

    private StationingVisit()
    {
        Place = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid ScheduleId { get; private set; }

    public Guid LeaderMemberId { get; private set; }

    public Guid VillageCommitteeId { get; private set; }

    /// <summary>The scheduled Tuesday.</summary>
    public DateOnly On { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string Place { get; private set; }

    /// <summary>The service position of the visit: the schedule's, or where it was actually held.</summary>
    public Guid? ServicePositionId { get; private set; }

    public DateOnly? HeldOn { get; private set; }

    public string? Notes { get; private set; }

    public string? RecordedBy { get; private set; }

    public DateTimeOffset? RecordedAt { get; private set; }

    public DateTimeOffset? EveningReminderSentAt { get; private set; }

    public DateTimeOffset? HourReminderSentAt { get; private set; }

    public bool IsHeld => HeldOn is not null;

    public static StationingVisit Plan(Guid id, StationingSchedule schedule, DateOnly tuesday) => new()
    {
        Id = id,
        ScheduleId = schedule.Id,
        LeaderMemberId = schedule.LeaderMemberId,
        VillageCommitteeId = schedule.VillageCommitteeId,
        On = tuesday,
        StartsAt = TownCalendar.At(tuesday, schedule.StartTime),
        EndsAt = TownCalendar.At(tuesday, schedule.EndTime),
        Place = schedule.Place,
        ServicePositionId = schedule.ServicePositionId,
    };

    public void Record(DateOnly heldOn, string? notes, string recordedBy, DateOnly today, DateTimeOffset now, ServicePositionPlace? heldAt = null)
    {
        Rules.Check(new VisitIsRecordedOnceRule(this));
        Rules.Check(new VisitCannotBeHeldInTheFutureRule(heldOn, today));
        Rules.Check(new VisitIsHeldInItsWeekRule(On, heldOn));
        if (heldAt is not null)
        {
            ServicePositionId = heldAt.Id;
            Place = heldAt.Name;
        }

        HeldOn = heldOn;
        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        RecordedBy = recordedBy.Trim();
        RecordedAt = now;
    }

    /// <summary>Marks a reminder as sent.</summary>
    public void ReminderSent(ReminderLead lead, DateTimeOffset now)
    {
        if (lead == ReminderLead.EveningBefore)
        {
            EveningReminderSentAt = now;
        }
        else
        {
            HourReminderSentAt = now;
        }

        Record(new StationingVisitReminderDue
        {
            StationingVisitId = Id,
            LeaderMemberId = LeaderMemberId,
            VillageCommitteeId = VillageCommitteeId,
            StartsAt = TownCalendar.InTown(StartsAt),
            Place = Place,
        }, Id, VillageCommitteeId, now);
    }

    public ReminderLead? ReminderDue(ReminderPolicy policy, DateTimeOffset now) =>
        IsHeld ? null : policy.Due(StartsAt, now, EveningReminderSentAt is not null, HourReminderSentAt is not null);

    /// <summary>Requests are received at the visit: from its day on, never before.</summary>
    public bool TakesRequestsOn(DateOnly today) => On <= today;
}
