using Lishui.Membership.Domain;
using Lishui.Membership.Domain.Commendations;
using Lishui.Membership.Domain.OrganisationalTalks;
using Lishui.Membership.Domain.Households;
using Lishui.Membership.Domain.Organisations;
using Lishui.Membership.Domain.PersonalData;
using Lishui.Membership.Domain.WithdrawalAdvice;
using Lishui.Membership.Features.MemberImports;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Membership.Data;

public sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "membershipdb";

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<MemberStatusChange> MemberStatusChanges => Set<MemberStatusChange>();

    public DbSet<MemberTransfer> MemberTransfers => Set<MemberTransfer>();

    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<PersonalDataAccess> PersonalDataAccessLog => Set<PersonalDataAccess>();

    public DbSet<MemberDetailsChange> MemberDetailsChanges => Set<MemberDetailsChange>();

    public DbSet<WithdrawalAdviceCase> WithdrawalAdviceCases => Set<WithdrawalAdviceCase>();

    public DbSet<MemberImport> MemberImports => Set<MemberImport>();

    public DbSet<Commendation> Commendations => Set<Commendation>();

    public DbSet<OrganisationalTalk> OrganisationalTalks => Set<OrganisationalTalk>();

    /// <summary>The unique index on the ID number's keyed hash: a duplicate is reported on the idNumber field.</summary>
    public const string IdNumberHashIndex = "ix_members_id_number_hash";

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddAuditTable();
        model.Entity<Member>(e =>
        {
            e.ToTable("members");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasConversion(id => id.Value, value => new MemberId(value));
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(MemberNameMustBeGivenRule.MaxLength);
            e.Property(x => x.Gender).HasColumnName("gender").HasConversion<string>().HasMaxLength(10);
            e.Property(x => x.BirthDate).HasColumnName("birth_date");
            e.Property(x => x.JoinedOn).HasColumnName("joined_on");
            e.Property(x => x.FullMemberOn).HasColumnName("full_member_on");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.RegisteredAt).HasColumnName("registered_at");
            e.Property(x => x.StatusSince).HasColumnName("status_since");
            e.Property(x => x.OrganisationSince).HasColumnName("organisation_since");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.IsOnRoll);
            e.Property(x => x.IdNumberCipher).HasColumnName("id_number_cipher");
            e.Property(x => x.IdNumberHash).HasColumnName("id_number_hash");
            e.Property(x => x.PhoneCipher).HasColumnName("phone_cipher");
            e.Property(x => x.EmailCipher).HasColumnName("email_cipher");
            e.HasIndex(x => x.OrganisationId);
            e.HasIndex(x => x.Status);
            e.HasIndex(x => x.IdNumberHash).IsUnique().HasDatabaseName(IdNumberHashIndex);
        });
        model.Entity<PersonalDataAccess>(e =>
        {
            e.ToTable("personal_data_access_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.MemberId).HasColumnName("member_id");
            e.Property(x => x.RequestedBy).HasColumnName("requested_by").HasMaxLength(PersonalDataAccess.MaxRequestedByLength);
            e.Property(x => x.Purpose).HasColumnName("purpose").HasMaxLength(PersonalDataAccess.MaxPurposeLength);
            e.Property(x => x.Fields).HasColumnName("fields");
            e.Property(x => x.AccessedAt).HasColumnName("accessed_at");
            e.HasIndex(x => new { x.MemberId, x.AccessedAt });
            e.HasIndex(x => new { x.RequestedBy, x.AccessedAt });
            e.HasIndex(x => x.AccessedAt);
        });
        model.Entity<MemberDetailsChange>(e =>
        {
            e.ToTable("member_details_changes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.MemberId).HasColumnName("member_id").HasConversion(id => id.Value, value => new MemberId(value));
            e.Property(x => x.ChangedFields).HasColumnName("changed_fields");
            e.Property(x => x.ChangedBy).HasColumnName("changed_by").HasMaxLength(MemberStatusChange.MaxDecidedByLength);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.MemberId, x.RecordedAt });
        });
        model.Entity<WithdrawalAdviceCase>(e =>
        {
            e.ToTable("withdrawal_advice_cases");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.MemberId).HasColumnName("member_id").HasConversion(id => id.Value, value => new MemberId(value));
            e.Property(x => x.PartyCommitteeId).HasColumnName("party_committee_id");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.SchemeId).HasColumnName("scheme_id");
            e.Property(x => x.UnqualifiedYears).HasColumnName("unqualified_years");
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.SourceEventId).HasColumnName("source_event_id");
            e.Property(x => x.OpenedOn).HasColumnName("opened_on");
            e.Property(x => x.OpenedAt).HasColumnName("opened_at");
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Decision).HasColumnName("decision").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.DecidedBy).HasColumnName("decided_by").HasMaxLength(MemberStatusChange.MaxDecidedByLength);
            e.Property(x => x.DecidedOn).HasColumnName("decided_on");
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(WithdrawalAdviceCase.MaxReasonLength);
            e.Property(x => x.DecidedAt).HasColumnName("decided_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            // One case per member and year, however often Assessment's news is delivered.
            e.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.Status, x.OpenedAt });
            e.HasIndex(x => x.PartyCommitteeId);
        });
        model.Entity<Commendation>(e =>
        {
            e.ToTable("commendations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.MemberId).HasColumnName("member_id").HasConversion(id => id.Value, value => new MemberId(value));
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.SchemeId).HasColumnName("scheme_id");
            e.Property(x => x.NoticeId).HasColumnName("notice_id");
            e.Property(x => x.SourceEventId).HasColumnName("source_event_id");
            e.Property(x => x.CommendedAt).HasColumnName("commended_at");
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            // One commendation per member and year, however often Assessment's news is delivered.
            e.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.OrganisationId, x.Year });
        });
        model.Entity<OrganisationalTalk>(e =>
        {
            e.ToTable("organisational_talks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.MemberId).HasColumnName("member_id").HasConversion(id => id.Value, value => new MemberId(value));
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.SchemeId).HasColumnName("scheme_id");
            e.Property(x => x.NoticeId).HasColumnName("notice_id");
            e.Property(x => x.SourceEventId).HasColumnName("source_event_id");
            e.Property(x => x.OpenedOn).HasColumnName("opened_on");
            e.Property(x => x.OpenedAt).HasColumnName("opened_at");
            e.Property(x => x.DueOn).HasColumnName("due_on");
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.HeldOn).HasColumnName("held_on");
            e.Property(x => x.TalkedBy).HasColumnName("talked_by").HasMaxLength(OrganisationalTalk.MaxTalkedByLength);
            e.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(OrganisationalTalk.MaxOutcomeLength);
            e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.Property(x => x.ReminderSentAt).HasColumnName("reminder_sent_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            // One talk per member and year, however often Assessment's news is delivered.
            e.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
            e.HasIndex(x => new { x.Status, x.DueOn });
            e.HasIndex(x => x.OrganisationId);
        });
        model.Entity<MemberImport>(e =>
        {
            e.ToTable("member_imports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Mode).HasColumnName("mode").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Encoding).HasColumnName("encoding").HasMaxLength(20);
            e.Property(x => x.PayloadCipher).HasColumnName("payload_cipher");
            e.Property(x => x.RowsTotal).HasColumnName("rows_total");
            e.Property(x => x.RowsProcessed).HasColumnName("rows_processed");
            e.Property(x => x.Imported).HasColumnName("imported");
            e.Property(x => x.ErrorCount).HasColumnName("error_count");
            e.Property(x => x.Errors).HasColumnName("errors").HasColumnType("jsonb");
            e.Property(x => x.RequestedBy).HasColumnName("requested_by").HasMaxLength(MemberStatusChange.MaxDecidedByLength);
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.StartedAt).HasColumnName("started_at");
            e.Property(x => x.HeartbeatAt).HasColumnName("heartbeat_at");
            e.Property(x => x.FinishedAt).HasColumnName("finished_at");
            e.HasIndex(x => new { x.Status, x.CreatedAt });
        });
        model.Entity<MemberStatusChange>(e =>
        {
            e.ToTable("member_status_changes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.MemberId).HasColumnName("member_id").HasConversion(id => id.Value, value => new MemberId(value));
            e.Property(x => x.From).HasColumnName("from_status").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.To).HasColumnName("to_status").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.EffectiveOn).HasColumnName("effective_on");
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(MemberStatusChange.MaxReasonLength);
            e.Property(x => x.DecidedBy).HasColumnName("decided_by").HasMaxLength(MemberStatusChange.MaxDecidedByLength);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.MemberId, x.RecordedAt });
        });
        model.Entity<MemberTransfer>(e =>
        {
            e.ToTable("member_transfers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.MemberId).HasColumnName("member_id").HasConversion(id => id.Value, value => new MemberId(value));
            e.Property(x => x.FromOrganisationId).HasColumnName("from_organisation_id");
            e.Property(x => x.ToOrganisationId).HasColumnName("to_organisation_id");
            e.Property(x => x.EffectiveOn).HasColumnName("effective_on");
            e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(MemberTransfer.MaxReasonLength);
            e.Property(x => x.DecidedBy).HasColumnName("decided_by").HasMaxLength(MemberStatusChange.MaxDecidedByLength);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.MemberId, x.RecordedAt });
        });
        model.Entity<RoleAssignment>(e =>
        {
            e.ToTable("member_roles");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.MemberId).HasColumnName("member_id").HasConversion(id => id.Value, value => new MemberId(value));
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Role).HasColumnName("role").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.AssignedOn).HasColumnName("assigned_on");
            e.Property(x => x.AssignedBy).HasColumnName("assigned_by").HasMaxLength(MemberStatusChange.MaxDecidedByLength);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.Property(x => x.RevokedOn).HasColumnName("revoked_on");
            e.Property(x => x.RevokedBy).HasColumnName("revoked_by").HasMaxLength(MemberStatusChange.MaxDecidedByLength);
            e.Ignore(x => x.IsActive);
            e.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
            // The database holds the line too: two concurrent assignments cannot both make a secretary.
            e.HasIndex(x => x.OrganisationId).HasDatabaseName(OneSecretaryPerOrganisationRule.IndexName).IsUnique()
                .HasFilter("role = 'Secretary' AND revoked_on IS NULL");
            e.HasIndex(x => new { x.MemberId, x.Role }).HasDatabaseName("ix_member_roles_active").IsUnique().HasFilter("revoked_on IS NULL");
        });
        model.Entity<Household>(e =>
        {
            e.ToTable("households");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasConversion(id => id.Value, value => new HouseholdId(value));
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.EconomicCooperative).HasColumnName("economic_cooperative").HasMaxLength(Organisation.MaxNameLength);
            e.Property(x => x.HeadName).HasColumnName("head_name").HasMaxLength(Household.MaxHeadNameLength);
            e.Property(x => x.Address).HasColumnName("address").HasMaxLength(Household.MaxAddressLength);
            e.Property(x => x.MembersCount).HasColumnName("members_count");
            e.Property(x => x.RegisteredAt).HasColumnName("registered_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasIndex(x => x.OrganisationId);
        });
        model.Entity<Organisation>(e =>
        {
            e.ToTable("organisations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasConversion(id => id.Value, value => new OrganisationId(value));
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(Organisation.MaxNameLength);
            e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Sector).HasColumnName("sector").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.ParentId).HasColumnName("parent_id")
                .HasConversion(id => id.HasValue ? id.Value.Value : (Guid?)null, value => value.HasValue ? new OrganisationId(value.Value) : null);
            e.Property(x => x.Path).HasColumnName("path").HasMaxLength(1000).UseCollation("C");
            e.Property(x => x.EconomicCooperative).HasColumnName("economic_cooperative").HasMaxLength(100);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.ClosedAt).HasColumnName("closed_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.IsClosed);
            e.Ignore(x => x.Depth);
            e.HasIndex(x => x.Path);
            e.HasIndex(x => x.ParentId);
            e.HasIndex(x => new { x.Sector, x.Kind });
        });
    }
}
