using Lishui.Pairing.Domain;
using Lishui.Pairing.Messaging;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
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

    public DbSet<ScheduledStudySession> ScheduledSessions => Set<ScheduledStudySession>();

    public DbSet<StationingSchedule> StationingSchedules => Set<StationingSchedule>();

    public DbSet<StationingVisit> StationingVisits => Set<StationingVisit>();

    public DbSet<ResidentRequest> ResidentRequests => Set<ResidentRequest>();

    public DbSet<ResidentRequestContact> ResidentRequestContacts => Set<ResidentRequestContact>();

    public DbSet<ResidentContactRead> ResidentContactReads => Set<ResidentContactRead>();

    public DbSet<ServicePosition> ServicePositions => Set<ServicePosition>();

    public DbSet<PartyMassDiscussion> Discussions => Set<PartyMassDiscussion>();

    public DbSet<DiscussionAttendance> DiscussionAttendance => Set<DiscussionAttendance>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddLocalMemberView();
        model.AddLocalOrganisationView();
        model.AddAuditTable();
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
            e.Property(x => x.StudyDurationMinutes).HasColumnName("study_duration_minutes");
            e.Property(x => x.StudyFrom).HasColumnName("study_from");
            e.Ignore(x => x.HasStudySchedule);
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
            e.Property(x => x.ServicePositionId).HasColumnName("service_position_id");
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
        model.Entity<ScheduledStudySession>(e =>
        {
            e.ToTable("scheduled_study_sessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.PairingId).HasColumnName("pairing_id");
            e.Property(x => x.WeekOf).HasColumnName("week_of");
            e.Property(x => x.On).HasColumnName("on_date");
            e.Property(x => x.StartsAt).HasColumnName("starts_at");
            e.Property(x => x.EndsAt).HasColumnName("ends_at");
            e.Property(x => x.Place).HasColumnName("place").HasMaxLength(200);
            e.Property(x => x.Topic).HasColumnName("topic").HasMaxLength(StudySession.MaxTopicLength);
            e.Property(x => x.Skipped).HasColumnName("skipped");
            e.Property(x => x.Moved).HasColumnName("moved");
            e.Property(x => x.ChangeReason).HasColumnName("change_reason").HasMaxLength(ScheduledStudySession.MaxReasonLength);
            e.Property(x => x.ChangedBy).HasColumnName("changed_by").HasMaxLength(ScheduledStudySession.MaxActorLength);
            e.Property(x => x.ChangedAt).HasColumnName("changed_at");
            e.Property(x => x.HeldSessionId).HasColumnName("held_session_id");
            e.Property(x => x.EveningReminderSentAt).HasColumnName("evening_reminder_sent_at");
            e.Property(x => x.HourReminderSentAt).HasColumnName("hour_reminder_sent_at");
            e.Property(x => x.Version).HasColumnName("version");
            e.Ignore(x => x.Status);
            e.Ignore(x => x.IsUpcoming);
            e.Ignore(x => x.Slot);

            // One session per group and week: materialising the same week twice (a replica, a retry) adds nothing.
            e.HasIndex(x => new { x.PairingId, x.WeekOf }).IsUnique();
            e.HasIndex(x => x.On);
            e.HasIndex(x => x.StartsAt);
        });
        model.Entity<StationingSchedule>(e =>
        {
            e.ToTable("stationing_schedules");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.LeaderMemberId).HasColumnName("leader_member_id");
            e.Property(x => x.VillageCommitteeId).HasColumnName("village_committee_id");
            e.Property(x => x.StartsOn).HasColumnName("starts_on");
            e.Property(x => x.EndsOn).HasColumnName("ends_on");
            e.Property(x => x.StartTime).HasColumnName("start_time");
            e.Property(x => x.EndTime).HasColumnName("end_time");
            e.Property(x => x.Place).HasColumnName("place").HasMaxLength(StationingSchedule.MaxPlaceLength);
            e.Property(x => x.CreatedBy).HasColumnName("created_by").HasMaxLength(StationingSchedule.MaxActorLength);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.ServicePositionId).HasColumnName("service_position_id");
            e.Ignore(x => x.LastDay);
            e.HasIndex(x => x.LeaderMemberId);
            e.HasIndex(x => x.VillageCommitteeId);
        });
        model.Entity<StationingVisit>(e =>
        {
            e.ToTable("stationing_visits");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ScheduleId).HasColumnName("schedule_id");
            e.Property(x => x.LeaderMemberId).HasColumnName("leader_member_id");
            e.Property(x => x.VillageCommitteeId).HasColumnName("village_committee_id");
            e.Property(x => x.On).HasColumnName("on_date");
            e.Property(x => x.StartsAt).HasColumnName("starts_at");
            e.Property(x => x.EndsAt).HasColumnName("ends_at");
            e.Property(x => x.Place).HasColumnName("place").HasMaxLength(StationingSchedule.MaxPlaceLength);
            e.Property(x => x.ServicePositionId).HasColumnName("service_position_id");
            e.Property(x => x.HeldOn).HasColumnName("held_on");
            e.Property(x => x.Notes).HasColumnName("notes").HasMaxLength(StationingVisit.MaxNotesLength);
            e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(StationingSchedule.MaxActorLength);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.Property(x => x.EveningReminderSentAt).HasColumnName("evening_reminder_sent_at");
            e.Property(x => x.HourReminderSentAt).HasColumnName("hour_reminder_sent_at");
            e.Property(x => x.Version).HasColumnName("version");
            e.Ignore(x => x.IsHeld);
            e.HasIndex(x => new { x.ScheduleId, x.On }).IsUnique();
            e.HasIndex(x => x.On);
            e.HasIndex(x => x.StartsAt);
        });
        model.Entity<ResidentRequest>(e =>
        {
            e.ToTable("resident_requests");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ReferenceNumber).HasColumnName("reference_number").HasMaxLength(20);
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.Number).HasColumnName("number");
            e.Property(x => x.StationingVisitId).HasColumnName("stationing_visit_id");
            e.Property(x => x.VillageCommitteeId).HasColumnName("village_committee_id");
            e.Property(x => x.StationedLeaderMemberId).HasColumnName("stationed_leader_member_id");
            e.Property(x => x.RaisedOn).HasColumnName("raised_on");
            e.Property(x => x.RaisedByHouseholdId).HasColumnName("raised_by_household_id");
            e.Property(x => x.RaisedByName).HasColumnName("raised_by_name").HasMaxLength(ResidentRequest.MaxNameLength);
            e.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(ResidentRequest.MaxSubjectLength);
            e.Property(x => x.Location).HasColumnName("location").HasMaxLength(ResidentRequest.MaxLocationLength);
            e.Property(x => x.Category).HasColumnName("category").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ContactHeld).HasColumnName("contact_held");
            e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(StationingSchedule.MaxActorLength);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.Property(x => x.Version).HasColumnName("version");
            e.HasIndex(x => x.ReferenceNumber).IsUnique();
            e.HasIndex(x => new { x.Year, x.Number }).IsUnique();
            e.HasIndex(x => x.StationingVisitId);
            e.HasIndex(x => new { x.VillageCommitteeId, x.RaisedOn });
        });
        model.Entity<ResidentRequestContact>(e =>
        {
            e.ToTable("resident_request_contacts");
            e.HasKey(x => x.RequestId);
            e.Property(x => x.RequestId).HasColumnName("request_id");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(ResidentRequest.MaxNameLength);
            e.Property(x => x.Phone).HasColumnName("phone").HasMaxLength(20);
            e.HasOne<ResidentRequest>().WithOne().HasForeignKey<ResidentRequestContact>(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ResidentContactRead>(e =>
        {
            e.ToTable("resident_contact_reads");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.RequestId).HasColumnName("request_id");
            e.Property(x => x.RequestedBy).HasColumnName("requested_by").HasMaxLength(StationingSchedule.MaxActorLength);
            e.Property(x => x.Purpose).HasColumnName("purpose").HasMaxLength(ResidentContactRead.MaxPurposeLength);
            e.Property(x => x.ReadAt).HasColumnName("read_at");
            e.Property(x => x.ContactHeld).HasColumnName("contact_held");
            e.HasIndex(x => new { x.RequestId, x.ReadAt });
        });
        model.Entity<ServicePosition>(e =>
        {
            e.ToTable("service_positions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(ServicePosition.MaxNameLength);
            e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Address).HasColumnName("address").HasMaxLength(ServicePosition.MaxAddressLength);
            e.Property(x => x.Description).HasColumnName("description").HasMaxLength(ServicePosition.MaxDescriptionLength);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            e.Property(x => x.RemovedAt).HasColumnName("removed_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.IsRemoved);
            e.HasIndex(x => x.OrganisationId);

            // One name per organisation among the places in use (the rule says so first; this holds under races).
            e.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique().HasFilter("removed_at IS NULL");
        });
        model.Entity<PartyMassDiscussion>(e =>
        {
            e.ToTable("party_mass_discussions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.GroupId).HasColumnName("group_id");
            e.Property(x => x.Month).HasColumnName("month");
            e.Property(x => x.HeldOn).HasColumnName("held_on");
            e.Property(x => x.Topic).HasColumnName("topic").HasMaxLength(PartyMassDiscussion.MaxTopicLength);
            e.Property(x => x.Place).HasColumnName("place").HasMaxLength(PartyMassDiscussion.MaxPlaceLength);
            e.Property(x => x.ServicePositionId).HasColumnName("service_position_id");
            e.Property(x => x.Minutes).HasColumnName("minutes").HasMaxLength(PartyMassDiscussion.MaxMinutesLength);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();

            // One discussion per group and month, whatever races the rule's check.
            e.HasIndex(x => new { x.GroupId, x.Month }).IsUnique();
        });
        model.Entity<DiscussionAttendance>(e =>
        {
            e.ToTable("party_mass_discussion_attendance");
            e.HasKey(x => new { x.DiscussionId, x.MemberId });
            e.Property(x => x.DiscussionId).HasColumnName("discussion_id");
            e.Property(x => x.MemberId).HasColumnName("member_id");
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(StudySession.MaxTopicLength);
            e.HasIndex(x => x.MemberId);
        });
        model.Entity<ResidentRequestCounter>(e =>
        {
            e.ToTable("resident_request_counters");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).HasColumnName("year").ValueGeneratedNever();
            e.Property(x => x.LastNumber).HasColumnName("last_number");
        });
    }
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
