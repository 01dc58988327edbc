using Lishui.Pairing.Domain;
using Lishui.Shared.Data;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Data;

public sealed class PairingDbContext(DbContextOptions<PairingDbContext> options) : PlatformDbContext(options)
{
    public const string ConnectionName = "pairingdb";

    public DbSet<LocalOrganisation> Organisations => Set<LocalOrganisation>();

    public DbSet<LocalMember> Members => Set<LocalMember>();

    public DbSet<OrganisationPairing> OrganisationPairings => Set<OrganisationPairing>();

    public DbSet<PinnedPair> Pins => Set<PinnedPair>();

    public DbSet<MemberPair> MemberPairs => Set<MemberPair>();

    public DbSet<ContactLog> Contacts => Set<ContactLog>();

    public DbSet<StudySession> StudySessions => Set<StudySession>();

    public DbSet<StudyAttendance> StudyAttendance => Set<StudyAttendance>();

    public DbSet<ScheduledStudySession> ScheduledSessions => Set<ScheduledStudySession>();

    public DbSet<StationingSchedule> StationingSchedules => Set<StationingSchedule>();

    public DbSet<StationingVisit> StationingVisits => Set<StationingVisit>();

    public DbSet<ResidentRequest> ResidentRequests => Set<ResidentRequest>();

    public DbSet<ResidentRequestContact> ResidentRequestContacts => Set<ResidentRequestContact>();

    public DbSet<ResidentContactRead> ResidentContactReads => Set<ResidentContactRead>();

    public DbSet<ServicePosition> ServicePositions => Set<ServicePosition>();

    public DbSet<PartyMassDiscussion> Discussions => Set<PartyMassDiscussion>();

    public DbSet<DiscussionAttendance> DiscussionAttendance => Set<DiscussionAttendance>();
}

/// <summary>The last reference number given out in a year; bumped in the transaction that records the request.</summary>
public sealed class ResidentRequestCounter
{
    public int Year { get; init; }

    public int LastNumber { get; init; }
}

/// <summary>A pin the secretary set on a pairing: this village member stays with this organ member.</summary>
public sealed class PinnedPair
{
    public Guid PairingId { get; init; }

    public Guid VillageMemberId { get; init; }

    public Guid OrganMemberId { get; init; }
}

internal sealed class PairingDbContextDesignFactory : DesignTimeFactory<PairingDbContext>;
