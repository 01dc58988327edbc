using Lishui.Contracts.Membership;
using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

/// <summary>What stationing needs to know of a member from the local roll (null name = unknown).</summary>
public sealed record StationedLeader(Guid MemberId, string? Name, MemberStatus? Status)
{
    public bool IsKnown => Name is not null;

    public bool IsEligible => Status is { } status && new PairingCandidate(MemberId, status).IsEligible;
}

/// <summary>
/// 驻点: a town leader stationed in a village party committee on Tuesday afternoons, from a start
/// date until an optional end. Each Tuesday is a <see cref="StationingVisit"/>.
/// </summary>
public sealed class StationingSchedule
{
    public const int MaxPlaceLength = 200;
    public const int MaxActorLength = 100;

    /// <summary>Stationing is the Tuesday afternoon (星期二下午驻点).</summary>
    public static readonly TimeOnly AfternoonFrom = new(12, 0);
    public static readonly TimeOnly AfternoonUntil = new(18, 30);

    private StationingSchedule()
    {
        Place = CreatedBy = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid LeaderMemberId { get; private set; }

    public Guid VillageCommitteeId { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly? EndsOn { get; private set; }

    public TimeOnly StartTime { get; private set; }

    public TimeOnly EndTime { get; private set; }

    public string Place { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The service position (党群服务阵地) the leader receives villagers at, when named; <see cref="Place"/> stays the text shown.</summary>
    public Guid? ServicePositionId { get; private set; }

    public DateOnly LastDay => EndsOn ?? DateOnly.MaxValue;

    public void ReceivesAt(Guid? servicePositionId) => ServicePositionId = servicePositionId;

    public static StationingSchedule Create(
        Guid id,
        StationedLeader leader,
        PairedOrganisation village,
        DateOnly startsOn,
        DateOnly? endsOn,
        TimeOnly startTime,
        TimeOnly endTime,
        string place,
        string createdBy,
        IEnumerable<StationingSchedule> leadersOtherSchedules,
        DateTimeOffset now)
    {
        Rules.Check(new StationedLeaderMustBeAnEligibleMemberRule(leader));
        Rules.Check(new PairedOrganisationMustBeKnownAndOpenRule(village, "villageCommitteeId"));
        Rules.Check(new PairingMustEndAfterItStartsRule(startsOn, endsOn, "endsOn"));
        Rules.Check(new StationingIsOnTuesdayAfternoonRule(startTime, endTime));
        Rules.Check(new LeaderIsStationedInOnePlaceAtATimeRule(startsOn, endsOn, leadersOtherSchedules));
        return new StationingSchedule
        {
            Id = id,
            LeaderMemberId = leader.MemberId,
            VillageCommitteeId = village.Id,
            StartsOn = startsOn,
            EndsOn = endsOn,
            StartTime = startTime,
            EndTime = endTime,
            Place = place.Trim(),
            CreatedBy = createdBy.Trim(),
            CreatedAt = now,
        };
    }

    public bool Overlaps(DateOnly startsOn, DateOnly? endsOn) => StartsOn <= (endsOn ?? DateOnly.MaxValue) && startsOn <= LastDay;

    /// <summary>Whether a visit is due on <paramref name="tuesday"/>.</summary>
    public bool VisitsOn(DateOnly tuesday) => tuesday.DayOfWeek == DayOfWeek.Tuesday && StartsOn <= tuesday && tuesday <= LastDay;

    public void End(DateOnly endsOn)
    {
        Rules.Check(new PairingMustEndAfterItStartsRule(StartsOn, endsOn, "endsOn"));
        EndsOn = endsOn;
    }

    public StationingVisit PlanVisit(Guid id, DateOnly tuesday) => StationingVisit.Plan(id, this, tuesday);
}

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

/// <summary>A service position as a visit names it: its id and the name shown as the visit's place.</summary>
public sealed record ServicePositionPlace(Guid Id, string Name);

public sealed record StationedLeaderMustBeAnEligibleMemberRule(StationedLeader Leader) : IBusinessRule
{
    public bool IsBroken() => !Leader.IsKnown || !Leader.IsEligible;

    public string Code => Leader.IsKnown ? "stationing.leader-not-eligible" : "stationing.leader-unknown";

    public string Field => "leaderMemberId";

    public string MessageZh => Leader.IsKnown ? "该党员当前不在册（非正式或预备党员），不能驻点。" : "该党员不存在（或尚未同步）。";

    public string MessageEn => Leader.IsKnown ? "This member is not on the roll in good standing and cannot be stationed." : "The member is not known (or not yet synchronised).";
}

public sealed record StationingIsOnTuesdayAfternoonRule(TimeOnly StartTime, TimeOnly EndTime) : IBusinessRule
{
    public bool IsBroken() =>
        StartTime < StationingSchedule.AfternoonFrom || EndTime > StationingSchedule.AfternoonUntil || EndTime <= StartTime;

    public string Code => "stationing.not-afternoon";

    public string Field => "startTime";

    public string MessageZh => "驻点时间为星期二下午（12:00 至 18:30），结束时间须晚于开始时间。";

    public string MessageEn => "Stationing is on Tuesday afternoons (12:00 to 18:30), ending after it starts.";
}

public sealed record LeaderIsStationedInOnePlaceAtATimeRule(DateOnly StartsOn, DateOnly? EndsOn, IEnumerable<StationingSchedule> Existing) : IBusinessRule
{
    public bool IsBroken() => Existing.Any(s => s.Overlaps(StartsOn, EndsOn));

    public string Code => "stationing.leader-already-stationed";

    public string Field => "startsOn";

    public string MessageZh => "该领导在此期间已在别处驻点。";

    public string MessageEn => "This leader is already stationed elsewhere for an overlapping period.";
}

public sealed record VisitIsRecordedOnceRule(StationingVisit Visit) : IBusinessRule
{
    public bool IsBroken() => Visit.IsHeld;

    public string Code => "stationing-visit.already-recorded";

    public string Field => "on";

    public string MessageZh => "该次驻点已记录。";

    public string MessageEn => "This stationing visit is already recorded.";
}

public sealed record VisitCannotBeHeldInTheFutureRule(DateOnly HeldOn, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => HeldOn > Today;

    public string Code => "stationing-visit.in-future";

    public string Field => "heldOn";

    public string MessageZh => "只能记录已进行的驻点（日期不能晚于今天）。";

    public string MessageEn => "Only a visit already made can be recorded (the date cannot be in the future).";
}

public sealed record VisitIsHeldInItsWeekRule(DateOnly On, DateOnly HeldOn) : IBusinessRule
{
    public bool IsBroken() => TownCalendar.TuesdayOf(HeldOn) != TownCalendar.TuesdayOf(On);

    public string Code => "stationing-visit.outside-week";

    public string Field => "heldOn";

    public string MessageZh => "驻点的实际日期应在计划的那一周内。";

    public string MessageEn => "A visit is held in the week it was scheduled for.";
}

public sealed record VisitMustHaveTakenPlaceRule(StationingVisit Visit, DateOnly Today) : IBusinessRule
{
    public bool IsBroken() => !Visit.TakesRequestsOn(Today);

    public string Code => "stationing-visit.not-yet";

    public string MessageZh => "驻点尚未进行，不能登记群众诉求。";

    public string MessageEn => "The visit has not taken place yet; no requests can be recorded for it.";
}
