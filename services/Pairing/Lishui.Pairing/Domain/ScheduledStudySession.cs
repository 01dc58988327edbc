using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

public enum ScheduledSessionStatus
{
    Scheduled,
    Moved,
    Skipped,
    Held,
}

/// <summary>A session on the calendar, as far as collisions are concerned.</summary>
public sealed record CalendarSlot(Guid SessionId, Guid PairingId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

/// <summary>
/// One week's Party Building Tuesday study of a paired group, materialised from the group's weekly
/// schedule so it can be skipped or moved for a holiday, reminded of, and recorded as held.
/// <see cref="WeekOf"/> is the regular Tuesday; a moved session keeps it and changes its start.
/// </summary>
public sealed class ScheduledStudySession : AggregateRoot
{
    public const int MaxReasonLength = 200;
    public const int MaxActorLength = 100;

    private ScheduledStudySession()
    {
        Place = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PairingId { get; private set; }

    public DateOnly WeekOf { get; private set; }

    /// <summary>The town date the session takes place on (the Tuesday, or where it was moved).</summary>
    public DateOnly On { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public string Place { get; private set; }

    /// <summary>The planned topic (第一议题), when the secretary has set one.</summary>
    public string? Topic { get; private set; }

    public bool Skipped { get; private set; }

    public bool Moved { get; private set; }

    /// <summary>Why it was skipped or moved (a holiday, …).</summary>
    public string? ChangeReason { get; private set; }

    public string? ChangedBy { get; private set; }

    public DateTimeOffset? ChangedAt { get; private set; }

    /// <summary>The recorded <see cref="StudySession"/> (same id), once held.</summary>
    public Guid? HeldSessionId { get; private set; }

    public DateTimeOffset? EveningReminderSentAt { get; private set; }

    public DateTimeOffset? HourReminderSentAt { get; private set; }

    public ScheduledSessionStatus Status =>
        HeldSessionId is not null ? ScheduledSessionStatus.Held
        : Skipped ? ScheduledSessionStatus.Skipped
        : Moved ? ScheduledSessionStatus.Moved
        : ScheduledSessionStatus.Scheduled;

    /// <summary>Still to take place at its time: neither skipped nor held.</summary>
    public bool IsUpcoming => !Skipped && HeldSessionId is null;

    public CalendarSlot Slot => new(Id, PairingId, StartsAt, EndsAt);

    public static ScheduledStudySession Plan(Guid id, Guid pairingId, DateOnly tuesday, TimeOnly time, int durationMinutes, string place)
    {
        var startsAt = TownCalendar.At(tuesday, time);
        return new ScheduledStudySession
        {
            Id = id,
            PairingId = pairingId,
            WeekOf = tuesday,
            On = tuesday,
            StartsAt = startsAt,
            EndsAt = startsAt.AddMinutes(durationMinutes),
            Place = place,
        };
    }

    /// <summary>
    /// Follows a change of the group's weekly schedule. Only a session still at its regular slot
    /// follows; a moved, skipped or held one keeps what was decided for it.
    /// </summary>
    public void FollowSchedule(TimeOnly time, int durationMinutes, string place)
    {
        if (Status != ScheduledSessionStatus.Scheduled)
        {
            return;
        }

        var startsAt = TownCalendar.At(WeekOf, time);
        if (startsAt != StartsAt || place != Place)
        {
            ResetReminders(); // the reminders sent named the old time or place
        }

        StartsAt = startsAt;
        EndsAt = startsAt.AddMinutes(durationMinutes);
        Place = place;
    }

    public void PlanTopic(string? topic)
    {
        CheckRule(new HeldSessionCannotChangeRule(this));
        Topic = string.IsNullOrWhiteSpace(topic) ? null : topic.Trim();
    }

    public void Skip(string reason, string changedBy, DateTimeOffset now)
    {
        CheckRule(new HeldSessionCannotChangeRule(this));
        Skipped = true;
        Note(reason, changedBy, now);
    }

    /// <summary>
    /// Moves the session (a holiday) to another date and time. A moved session may not collide with
    /// another session of the same group on that day, nor overlap a session of a group either
    /// organisation belongs to (<paramref name="others"/>: the other sessions on the calendar that day).
    /// </summary>
    public void MoveTo(
        DateOnly date,
        TimeOnly time,
        string? place,
        string reason,
        string changedBy,
        DateTimeOffset now,
        IReadOnlyCollection<CalendarSlot> others)
    {
        CheckRule(new HeldSessionCannotChangeRule(this));
        var startsAt = TownCalendar.At(date, time);
        var endsAt = startsAt + (EndsAt - StartsAt);
        CheckRule(new SessionCannotBeMovedIntoThePastRule(startsAt, now));
        CheckRule(new MovedSessionMustNotCollideRule(this, startsAt, endsAt, others));
        if (startsAt != StartsAt)
        {
            ResetReminders();
        }

        On = date;
        StartsAt = startsAt;
        EndsAt = endsAt;
        if (!string.IsNullOrWhiteSpace(place))
        {
            Place = place.Trim();
        }

        Skipped = false;
        Moved = true;
        Note(reason, changedBy, now);
    }

    /// <summary>The session took place and was recorded; the calendar shows the topic studied.</summary>
    public void MarkHeld(Guid sessionId, string topic)
    {
        HeldSessionId = sessionId;
        Topic = topic;
    }

    /// <summary>
    /// The week's session was held on another day than planned and is recorded afterwards: the
    /// calendar follows what happened (same time of day, the reason the record gives).
    /// </summary>
    public void HeldInstead(DateOnly on, string reason, DateTimeOffset now)
    {
        CheckRule(new HeldSessionCannotChangeRule(this));
        var startsAt = TownCalendar.At(on, TownCalendar.TimeOf(StartsAt));
        EndsAt = startsAt + (EndsAt - StartsAt);
        StartsAt = startsAt;
        On = on;
        Moved = true;
        ChangeReason = reason.Trim();
        ChangedAt = now;
    }

    /// <summary>Marks a reminder as sent to <paramref name="expectedMemberIds"/>, the pairing's members expected at the session.</summary>
    public void ReminderSent(ReminderLead lead, OrganisationPairing pairing, IReadOnlyList<Guid> expectedMemberIds, DateTimeOffset now)
    {
        if (lead == ReminderLead.EveningBefore)
        {
            EveningReminderSentAt = now;
        }
        else
        {
            HourReminderSentAt = now;
        }

        Record(new StudySessionReminderDue
        {
            SessionId = Id,
            PairingId = pairing.Id,
            OrganBranchId = pairing.OrganBranchId,
            VillageCommitteeId = pairing.VillageCommitteeId,
            StartsAt = TownCalendar.InTown(StartsAt),
            Place = Place,
            Topic = Topic,
            Lead = lead.ToString(),
            ExpectedMemberIds = expectedMemberIds,
        }, Id, pairing.OrganBranchId, now);
    }

    public ReminderLead? ReminderDue(ReminderPolicy policy, DateTimeOffset now) =>
        IsUpcoming ? policy.Due(StartsAt, now, EveningReminderSentAt is not null, HourReminderSentAt is not null) : null;

    private void ResetReminders()
    {
        EveningReminderSentAt = null;
        HourReminderSentAt = null;
    }

    private void Note(string reason, string changedBy, DateTimeOffset now)
    {
        ChangeReason = reason.Trim();
        ChangedBy = changedBy.Trim();
        ChangedAt = now;
    }
}

public sealed record HeldSessionCannotChangeRule(ScheduledStudySession Session) : IBusinessRule
{
    public bool IsBroken() => Session.HeldSessionId is not null;

    public string Code => "study-session.already-held";

    public string MessageZh => "该次学习已举行并记录，不能再调整。";

    public string MessageEn => "This session has been held and recorded; it can no longer be changed.";
}

public sealed record SessionCannotBeMovedIntoThePastRule(DateTimeOffset StartsAt, DateTimeOffset Now) : IBusinessRule
{
    public bool IsBroken() => StartsAt <= Now;

    public string Code => "study-session.move-into-past";

    public string Field => "date";

    public string MessageZh => "学习只能调整到将来的时间。";

    public string MessageEn => "A session can only be moved to a time still to come.";
}

/// <summary>
/// The same group meets once a day (its sessions are recorded by day); sessions of other groups
/// that share an organisation must not overlap in time, or someone is expected in two places.
/// </summary>
public sealed record MovedSessionMustNotCollideRule(
    ScheduledStudySession Session,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyCollection<CalendarSlot> Others) : IBusinessRule
{
    public const string RuleCode = "study-session.collides";

    public CalendarSlot? CollidesWith => Others
        .Where(o => o.SessionId != Session.Id)
        .FirstOrDefault(o => o.PairingId == Session.PairingId
            ? TownCalendar.DateOf(o.StartsAt) == TownCalendar.DateOf(StartsAt)
            : o.StartsAt < EndsAt && StartsAt < o.EndsAt);

    public bool IsBroken() => CollidesWith is not null;

    public string Code => RuleCode;

    public string Field => "date";

    public string MessageZh => CollidesWith is { } other
        ? $"与 {TownCalendar.InTown(other.StartsAt):yyyy-MM-dd HH:mm} 的另一场学习冲突（同一结对小组每天一场，涉及同一组织的学习不能时间重叠）。"
        : "与另一场学习时间冲突。";

    public string MessageEn => CollidesWith is { } other
        ? $"Collides with another session at {TownCalendar.InTown(other.StartsAt):yyyy-MM-dd HH:mm} (one session a day per group; sessions sharing an organisation cannot overlap)."
        : "Collides with another session.";
}
