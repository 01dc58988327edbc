using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

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
