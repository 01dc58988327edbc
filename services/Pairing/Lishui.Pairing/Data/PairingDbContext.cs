using Lishui.Pairing.Domain;
using Lishui.Pairing.Messaging;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Pairing.Data;

public sealed class PairingDbContext(DbContextOptions<PairingDbContext> options) : DbContext(options)
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

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddLocalMemberView();
        model.AddLocalOrganisationView();
        model.Entity<OrganisationPairing>(e =>
        {
            e.ToTable("organisation_pairings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.OrganBranchId).HasColumnName("organ_branch_id");
            e.Property(x => x.VillageCommitteeId).HasColumnName("village_committee_id");
            e.Property(x => x.StartsOn).HasColumnName("starts_on");
            e.Property(x => x.EndsOn).HasColumnName("ends_on");
            e.Property(x => x.Purpose).HasColumnName("purpose").HasMaxLength(OrganisationPairing.MaxPurposeLength);
            e.Property(x => x.ContactEveryDays).HasColumnName("contact_every_days");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.EndedAt).HasColumnName("ended_at");
            e.Property(x => x.ListRevision).HasColumnName("list_revision");
            e.Property(x => x.StudyTime).HasColumnName("study_time");
            e.Property(x => x.StudyPlace).HasColumnName("study_place").HasMaxLength(200);
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.IsEnded);
            e.Ignore(x => x.LastDay);
            e.HasIndex(x => new { x.OrganBranchId, x.VillageCommitteeId });
            e.HasIndex(x => x.VillageCommitteeId);
        });
        model.Entity<PinnedPair>(e =>
        {
            e.ToTable("pairing_pins");
            e.HasKey(x => new { x.PairingId, x.VillageMemberId });
            e.Property(x => x.PairingId).HasColumnName("pairing_id");
            e.Property(x => x.VillageMemberId).HasColumnName("village_member_id");
            e.Property(x => x.OrganMemberId).HasColumnName("organ_member_id");
        });
        model.Entity<MemberPair>(e =>
        {
            e.ToTable("member_pairs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.PairingId).HasColumnName("pairing_id");
            e.Property(x => x.OrganMemberId).HasColumnName("organ_member_id");
            e.Property(x => x.VillageMemberId).HasColumnName("village_member_id");
            e.Property(x => x.Pinned).HasColumnName("pinned");
            e.Property(x => x.Since).HasColumnName("since");
            e.Property(x => x.EndedOn).HasColumnName("ended_on");
            e.Property(x => x.LastContactedOn).HasColumnName("last_contacted_on");
            e.Property(x => x.OverdueNotifiedFor).HasColumnName("overdue_notified_for");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.IsActive);
            e.HasIndex(x => new { x.PairingId, x.EndedOn });
            e.HasIndex(x => x.OrganMemberId);
            e.HasIndex(x => x.VillageMemberId);
        });
        model.Entity<ContactLog>(e =>
        {
            e.ToTable("contact_logs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.MemberPairId).HasColumnName("member_pair_id");
            e.Property(x => x.ContactedOn).HasColumnName("contacted_on");
            e.Property(x => x.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Summary).HasColumnName("summary").HasMaxLength(ContactLog.MaxSummaryLength);
            e.Property(x => x.LoggedAt).HasColumnName("logged_at");
            e.HasIndex(x => new { x.MemberPairId, x.ContactedOn });
        });
        model.Entity<StudySession>(e =>
        {
            e.ToTable("study_sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.PairingId).HasColumnName("pairing_id");
            e.Property(x => x.HeldOn).HasColumnName("held_on");
            e.Property(x => x.Topic).HasColumnName("topic").HasMaxLength(StudySession.MaxTopicLength);
            e.Property(x => x.Material).HasColumnName("material").HasMaxLength(StudySession.MaxTextLength);
            e.Property(x => x.Notes).HasColumnName("notes").HasMaxLength(StudySession.MaxTextLength);
            e.Property(x => x.MovedReason).HasColumnName("moved_reason").HasMaxLength(StudySession.MaxTopicLength);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();

            // One session per group and day: a second record of the same day is a mistake, not a second session.
            e.HasIndex(x => new { x.PairingId, x.HeldOn }).IsUnique();
        });
        model.Entity<StudyAttendance>(e =>
        {
            e.ToTable("study_attendance");
            e.HasKey(x => new { x.SessionId, x.MemberId });
            e.Property(x => x.SessionId).HasColumnName("session_id");
            e.Property(x => x.MemberId).HasColumnName("member_id");
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(StudySession.MaxTopicLength);
            e.HasIndex(x => x.MemberId);
        });
    }
}

/// <summary>A pin the secretary set on a pairing: this village member stays with this organ member.</summary>
public sealed class PinnedPair
{
    public Guid PairingId { get; init; }

    public Guid VillageMemberId { get; init; }

    public Guid OrganMemberId { get; init; }
}
