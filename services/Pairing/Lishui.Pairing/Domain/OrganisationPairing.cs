using Lishui.Contracts.Pairing;
using Lishui.Shared.Domain;

namespace Lishui.Pairing.Domain;

/// <summary>
/// 组织结对: an organ branch paired with a village party committee for a period and a purpose.
/// The same two may pair again later, but never for overlapping periods.
/// </summary>
public sealed class OrganisationPairing : AggregateRoot
{
    public const int MaxPurposeLength = 500;
    public const int DefaultContactEveryDays = 30;

    private OrganisationPairing()
    {
        Purpose = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid OrganBranchId { get; private set; }

    public Guid VillageCommitteeId { get; private set; }

    public DateOnly StartsOn { get; private set; }

    /// <summary>Null while open-ended.</summary>
    public DateOnly? EndsOn { get; private set; }

    public string Purpose { get; private set; }

    /// <summary>Paired members must contact each other at least this often.</summary>
    public int ContactEveryDays { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Set when the pairing was ended early (explicitly), not merely by its planned end date.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>How many times the pairing list has been published.</summary>
    public int ListRevision { get; private set; }

    /// <summary>The weekly Tuesday study (第一议题): its time and place, once the group has set them.</summary>
    public TimeOnly? StudyTime { get; private set; }

    public string? StudyPlace { get; private set; }

    /// <summary>How long the study lasts (minutes); what collisions between sessions are judged on.</summary>
    public int? StudyDurationMinutes { get; private set; }

    /// <summary>The schedule applies to the Tuesdays from this date on.</summary>
    public DateOnly? StudyFrom { get; private set; }

    public bool HasStudySchedule => StudyTime is not null && StudyPlace is not null;

    public bool IsEnded => EndedAt is not null;

    public DateOnly LastDay => EndsOn ?? DateOnly.MaxValue;

    public static OrganisationPairing Create(
        Guid id,
        PairedOrganisation organBranch,
        PairedOrganisation villageCommittee,
        DateOnly startsOn,
        DateOnly? endsOn,
        string purpose,
        int contactEveryDays,
        IEnumerable<OrganisationPairing> existingOfTheSameTwo,
        DateTimeOffset now)
    {
        CheckRule(new OrganisationCannotPairWithItselfRule(organBranch.Id, villageCommittee.Id));
        CheckRule(new PairedOrganisationMustBeKnownAndOpenRule(organBranch, "organBranchId"));
        CheckRule(new PairedOrganisationMustBeKnownAndOpenRule(villageCommittee, "villageCommitteeId"));
        CheckRule(new PairingMustEndAfterItStartsRule(startsOn, endsOn, "endsOn"));
        CheckRule(new NoOverlappingPairingOfTheSameTwoRule(startsOn, endsOn, existingOfTheSameTwo));
        var pairing = new OrganisationPairing
        {
            Id = id,
            OrganBranchId = organBranch.Id,
            VillageCommitteeId = villageCommittee.Id,
            StartsOn = startsOn,
            EndsOn = endsOn,
            Purpose = purpose.Trim(),
            ContactEveryDays = contactEveryDays,
            CreatedAt = now,
        };
        pairing.Record(new OrganisationsPaired
        {
            PairingId = id,
            OrganBranchId = pairing.OrganBranchId,
            VillageCommitteeId = pairing.VillageCommitteeId,
            StartsOn = startsOn,
            EndsOn = endsOn,
            ContactEveryDays = contactEveryDays,
        }, now);
        return pairing;
    }

    public bool Overlaps(DateOnly startsOn, DateOnly? endsOn) =>
        StartsOn <= (endsOn ?? DateOnly.MaxValue) && startsOn <= LastDay;

    public void End(DateOnly endedOn, DateTimeOffset now)
    {
        CheckRule(new PairingMustBeActiveRule(this));
        CheckRule(new PairingMustEndAfterItStartsRule(StartsOn, endedOn, "endedOn"));
        EndsOn = endedOn;
        EndedAt = now;
        Record(new OrganisationPairingEnded { PairingId = Id, OrganBranchId = OrganBranchId, VillageCommitteeId = VillageCommitteeId, EndedOn = endedOn }, now);
    }

    public const int DefaultStudyDurationMinutes = 120;

    public void ScheduleStudy(TimeOnly time, string place, int? durationMinutes, DateOnly from)
    {
        CheckRule(new PairingMustBeActiveRule(this));
        StudyTime = time;
        StudyPlace = place.Trim();
        StudyDurationMinutes = durationMinutes ?? StudyDurationMinutes ?? DefaultStudyDurationMinutes;
        StudyFrom = from < StartsOn ? StartsOn : from;
    }

    /// <summary>Whether the pairing runs on <paramref name="date"/> (its planned or actual end included).</summary>
    public bool RunsOn(DateOnly date) => StartsOn <= date && date <= LastDay;

    /// <summary>Whether the weekly study is due in the week of <paramref name="tuesday"/>.</summary>
    public bool StudiesInWeekOf(DateOnly tuesday) =>
        HasStudySchedule && StudyFrom is { } from && tuesday >= from && RunsOn(tuesday);

    /// <summary>Refuses a new pairing list for a pairing that is over (checked before the list is planned).</summary>
    public void CheckListCanBePublished() => CheckRule(new PairingMustBeActiveRule(this));

    /// <summary>Publishes a new revision of the pairing list: <paramref name="pairs"/> are the member pairs it holds now.</summary>
    public void PublishList(IEnumerable<MemberPair> pairs, DateTimeOffset now)
    {
        CheckListCanBePublished();
        ListRevision++;
        Record(new PairingListPublished
        {
            PairingId = Id,
            OrganBranchId = OrganBranchId,
            VillageCommitteeId = VillageCommitteeId,
            Revision = ListRevision,
            Pairs = pairs.Select(p => new PublishedMemberPair { MemberPairId = p.Id, OrganMemberId = p.OrganMemberId, VillageMemberId = p.VillageMemberId }).ToList(),
        }, now);
    }

    /// <summary>A pairing's events are about itself and belong to its organ branch.</summary>
    private void Record<T>(T @event, DateTimeOffset now)
        where T : Lishui.Contracts.IntegrationEvent =>
        Record(@event, Id, OrganBranchId, now);
}

/// <summary>What the pairing needs to know of an organisation from the local view (null name = unknown).</summary>
public sealed record PairedOrganisation(Guid Id, string? Name, bool IsClosed)
{
    public bool IsKnown => Name is not null;
}
