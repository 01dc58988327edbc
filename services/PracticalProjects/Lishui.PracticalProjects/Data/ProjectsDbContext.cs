using Lishui.PracticalProjects.Domain.Batches;
using Lishui.PracticalProjects.Domain.EchoWall;
using Lishui.PracticalProjects.Domain.Funds;
using Lishui.PracticalProjects.Domain.Opinions;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.PracticalProjects.Domain.Requests;
using Lishui.PracticalProjects.Messaging;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "projectsdb";

    public DbSet<PracticalProject> Projects => Set<PracticalProject>();

    public DbSet<OpinionCollection> OpinionCollections => Set<OpinionCollection>();

    public DbSet<ResidentRequest> ResidentRequests => Set<ResidentRequest>();

    public DbSet<RequesterContact> RequesterContacts => Set<RequesterContact>();

    public DbSet<ContactAccess> ContactAccessLog => Set<ContactAccess>();

    public DbSet<EchoPost> EchoPosts => Set<EchoPost>();

    public DbSet<SatisfactionRating> Ratings => Set<SatisfactionRating>();

    public DbSet<SignatureImage> SignatureImages => Set<SignatureImage>();

    public DbSet<LocalHousehold> Households => Set<LocalHousehold>();

    public DbSet<SpecialFund> SpecialFunds => Set<SpecialFund>();

    public DbSet<ProjectBatch> Batches => Set<ProjectBatch>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddLocalMemberView();
        model.AddLocalOrganisationView();
        model.AddLocalHouseholdView();
        model.AddAuditTable();
        model.Entity<PracticalProject>(e =>
        {
            e.ToTable("projects");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasConversion(id => id.Value, v => new ProjectId(v));
            e.Property(x => x.Title).HasColumnName("title").HasMaxLength(PracticalProject.MaxTitleLength);
            e.Property(x => x.Level).HasColumnName("level").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Batch).HasColumnName("batch").HasMaxLength(100);
            e.Property(x => x.Domain).HasColumnName("domain").HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ResponsibleOrganisationId).HasColumnName("responsible_organisation_id");
            e.Property(x => x.ResponsibleCadre).HasColumnName("responsible_cadre").HasMaxLength(100);
            e.Property(x => x.Location).HasColumnName("location").HasMaxLength(200);
            e.Property(x => x.PlannedStart).HasColumnName("planned_start");
            e.Property(x => x.PlannedEnd).HasColumnName("planned_end");
            e.Property(x => x.Budget).HasColumnName("budget").HasPrecision(14, 2);
            e.Property(x => x.FundingSource).HasColumnName("funding_source").HasMaxLength(100);
            e.Property(x => x.ParentId).HasColumnName("parent_id")
                .HasConversion(id => id.HasValue ? id.Value.Value : (Guid?)null, v => v.HasValue ? new ProjectId(v.Value) : null);
            e.Property(x => x.Weight).HasColumnName("weight");
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.SuspendedFrom).HasColumnName("suspended_from").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Progress).HasColumnName("progress");
            e.Property(x => x.ResponsibleCadreMemberId).HasColumnName("responsible_cadre_member_id");
            e.Property(x => x.Village).HasColumnName("village").HasMaxLength(50);
            e.Property(x => x.OriginRequestIds).HasColumnName("origin_request_ids");
            e.Property(x => x.OverduePeriodReported).HasColumnName("overdue_period_reported");
            e.Property(x => x.RequiresConsultation).HasColumnName("requires_consultation");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasIndex(x => x.ParentId);
            e.HasIndex(x => x.Village);
            e.HasIndex(x => x.ResponsibleOrganisationId);
            e.OwnsMany(x => x.Grants, g =>
            {
                g.ToTable("project_grants");
                g.WithOwner().HasForeignKey("project_id");
                g.HasKey(x => x.Id);
                g.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
                g.Property(x => x.Amount).HasColumnName("amount").HasPrecision(14, 2);
                g.Property(x => x.FundingSource).HasColumnName("funding_source").HasMaxLength(100);
                g.Property(x => x.GrantedOn).HasColumnName("granted_on");
                g.Property(x => x.GrantedBy).HasColumnName("granted_by").HasMaxLength(100);
                g.Property(x => x.OverrideReason).HasColumnName("override_reason").HasMaxLength(500);
                g.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            });
            e.Navigation(x => x.Grants).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.OwnsMany(x => x.Milestones, m =>
            {
                m.ToTable("project_milestones");
                m.WithOwner().HasForeignKey("project_id");
                m.HasKey(x => x.Id);
                m.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
                m.Property(x => x.Name).HasColumnName("name").HasMaxLength(PracticalProject.MaxMilestoneNameLength);
                m.Property(x => x.PlannedOn).HasColumnName("planned_on");
                m.Property(x => x.ReachedOn).HasColumnName("reached_on");
                m.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(100);
            });
            e.Navigation(x => x.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.OwnsMany(x => x.Updates, u =>
            {
                u.ToTable("project_updates");
                u.WithOwner().HasForeignKey("project_id");
                u.HasKey(x => x.Id);
                u.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
                u.Property(x => x.PublishedOn).HasColumnName("published_on");
                u.Property(x => x.Text).HasColumnName("text").HasMaxLength(PracticalProject.MaxUpdateLength);
                u.Property(x => x.PublishedBy).HasColumnName("published_by").HasMaxLength(100);
                u.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            });
            e.Navigation(x => x.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.OwnsMany(x => x.ProgressReports, r =>
            {
                r.ToTable("project_progress_reports");
                r.WithOwner().HasForeignKey("project_id");
                r.Property<int>("id");
                r.HasKey("id");
                r.Property(x => x.From).HasColumnName("from_progress");
                r.Property(x => x.To).HasColumnName("to_progress");
                r.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(500);
                r.Property(x => x.ReportedBy).HasColumnName("reported_by").HasMaxLength(100);
                r.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            });
            e.Navigation(x => x.ProgressReports).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasIndex(x => new { x.Batch, x.Level, x.Status });
            e.OwnsMany(x => x.History, h =>
            {
                h.ToTable("project_status_changes");
                h.WithOwner().HasForeignKey("project_id");
                h.Property<int>("id");
                h.HasKey("id");
                h.Property(c => c.From).HasColumnName("from_status").HasConversion<string>().HasMaxLength(20);
                h.Property(c => c.To).HasColumnName("to_status").HasConversion<string>().HasMaxLength(20);
                h.Property(c => c.EffectiveOn).HasColumnName("effective_on");
                h.Property(c => c.Reason).HasColumnName("reason").HasMaxLength(500);
                h.Property(c => c.DecidedBy).HasColumnName("decided_by").HasMaxLength(100);
                h.Property(c => c.RecordedAt).HasColumnName("recorded_at");
            });
            e.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        model.Entity<OpinionCollection>(e =>
        {
            e.ToTable("opinion_collections");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasConversion(id => id.Value, v => new OpinionCollectionId(v));
            e.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(OpinionCollection.MaxSubjectLength);
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.EconomicCooperative).HasColumnName("economic_cooperative").HasMaxLength(100);
            e.Property(x => x.ProjectId).HasColumnName("project_id");
            e.Property(x => x.AffectedHouseholds).HasColumnName("affected_households");
            e.Property(x => x.ThresholdPercent).HasColumnName("threshold_percent");
            e.Property(x => x.CompletedAt).HasColumnName("completed_at");
            e.Property(x => x.Passed).HasColumnName("passed");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.OwnsMany(x => x.Positions, p =>
            {
                p.ToTable("household_positions");
                p.WithOwner().HasForeignKey("collection_id");
                p.Property<int>("id");
                p.HasKey("id");
                p.Property(h => h.HouseholdId).HasColumnName("household_id");
                p.Property(h => h.Position).HasColumnName("position").HasConversion<string>().HasMaxLength(20);
                p.Property(h => h.SignatureReference).HasColumnName("signature_reference").HasMaxLength(100);
                p.Property(h => h.VisitedBy).HasColumnName("visited_by");
                p.Property(h => h.VisitedOn).HasColumnName("visited_on");
                p.Property(h => h.Revision).HasColumnName("revision");
                p.Property(h => h.SignedName).HasColumnName("signed_name").HasMaxLength(HouseholdSignature.MaxSignedNameLength);
                p.Property(h => h.SignatureConfirmed).HasColumnName("signature_confirmed");
                p.Property(h => h.SignatureImageId).HasColumnName("signature_image_id");
                p.Property(h => h.RecordedAt).HasColumnName("recorded_at");
                p.HasIndex("collection_id", nameof(HouseholdPosition.HouseholdId), nameof(HouseholdPosition.Revision)).IsUnique();
            });
            e.Navigation(x => x.Positions).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        model.Entity<ProjectBatch>(e =>
        {
            e.ToTable("project_batches");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.Year).HasColumnName("year");
            e.Property(x => x.Number).HasColumnName("number");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(100);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.HasIndex(x => new { x.Year, x.Number }).IsUnique();
            e.HasIndex(x => x.Name).IsUnique();
        });
        model.Entity<SpecialFund>(e =>
        {
            e.ToTable("special_funds");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).HasColumnName("year").ValueGeneratedNever();
            e.Property(x => x.Budget).HasColumnName("budget").HasPrecision(16, 2);
            e.Property(x => x.Drawn).HasColumnName("drawn").HasPrecision(16, 2);
            e.Property(x => x.Grants).HasColumnName("grants");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.Balance);
        });
        model.Entity<SignatureImage>(e =>
        {
            e.ToTable("signature_images");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(x => x.CollectionId).HasColumnName("collection_id").HasConversion(id => id.Value, v => new OpinionCollectionId(v));
            e.Property(x => x.Content).HasColumnName("content");
            e.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasColumnName("uploaded_by").HasMaxLength(100);
            e.Property(x => x.UploadedAt).HasColumnName("uploaded_at");
            e.HasIndex(x => x.CollectionId);
        });
        model.Entity<ResidentRequest>(e =>
        {
            e.ToTable("resident_requests");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasConversion(id => id.Value, v => new ResidentRequestId(v));
            e.Property(x => x.ReferenceNumber).HasColumnName("reference_number").HasMaxLength(40);
            e.Property(x => x.Origin).HasColumnName("origin").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.PairingRequestId).HasColumnName("pairing_request_id");
            e.Property(x => x.StationingVisitId).HasColumnName("stationing_visit_id");
            e.Property(x => x.EchoPostId).HasColumnName("echo_post_id");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.RaisedByHouseholdId).HasColumnName("raised_by_household_id");
            e.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(ResidentRequest.MaxSubjectLength);
            e.Property(x => x.RecordedBy).HasColumnName("recorded_by").HasMaxLength(100);
            e.Property(x => x.Location).HasColumnName("location").HasMaxLength(200);
            e.Property(x => x.Category).HasColumnName("category").HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.ReceivedOn).HasColumnName("received_on");
            e.Property(x => x.ContactHeldBy).HasColumnName("contact_held_by").HasMaxLength(20);
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Reply).HasColumnName("reply").HasMaxLength(ResidentRequest.MaxReplyLength);
            e.Property(x => x.AcceptedOn).HasColumnName("accepted_on");
            e.Property(x => x.AnsweredOn).HasColumnName("answered_on");
            e.Property(x => x.DecidedOn).HasColumnName("decided_on");
            e.Property(x => x.MergedInto).HasColumnName("merged_into")
                .HasConversion(id => id.HasValue ? id.Value.Value : (Guid?)null, v => v.HasValue ? new ResidentRequestId(v.Value) : null);
            e.Property(x => x.ProjectId).HasColumnName("project_id");
            e.Property(x => x.OverduePeriodReported).HasColumnName("overdue_period_reported");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.Ignore(x => x.ContactRequestId);
            e.Ignore(x => x.IsOpen);
            e.HasIndex(x => x.ReferenceNumber).IsUnique();
            e.HasIndex(x => x.PairingRequestId).IsUnique();
            e.HasIndex(x => new { x.Status, x.ReceivedOn });
            e.OwnsMany(x => x.History, h =>
            {
                h.ToTable("resident_request_status_changes");
                h.WithOwner().HasForeignKey("request_id");
                h.Property<int>("id");
                h.HasKey("id");
                h.Property(c => c.From).HasColumnName("from_status").HasConversion<string>().HasMaxLength(30);
                h.Property(c => c.To).HasColumnName("to_status").HasConversion<string>().HasMaxLength(30);
                h.Property(c => c.DecidedBy).HasColumnName("decided_by").HasMaxLength(100);
                h.Property(c => c.RecordedAt).HasColumnName("recorded_at");
                h.Property(c => c.Note).HasColumnName("note").HasMaxLength(500);
            });
            e.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        model.Entity<RequesterContact>(e =>
        {
            e.ToTable("requester_contacts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.RequestId).HasColumnName("request_id");
            e.Property(x => x.EchoPostId).HasColumnName("echo_post_id");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(RequesterContact.MaxNameLength);
            e.Property(x => x.Phone).HasColumnName("phone").HasMaxLength(30);
            e.Property(x => x.RecordedAt).HasColumnName("recorded_at");
            e.HasIndex(x => x.RequestId).IsUnique();
            e.HasIndex(x => x.EchoPostId).IsUnique();
        });
        model.Entity<ContactAccess>(e =>
        {
            e.ToTable("contact_access_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").UseIdentityAlwaysColumn();
            e.Property(x => x.RequestId).HasColumnName("request_id");
            e.Property(x => x.Purpose).HasColumnName("purpose").HasMaxLength(200);
            e.Property(x => x.RequestedBy).HasColumnName("requested_by").HasMaxLength(100);
            e.Property(x => x.At).HasColumnName("at");
            e.HasIndex(x => x.RequestId);
        });
        model.Entity<ReferenceCounter>(e =>
        {
            e.ToTable("reference_counters");
            e.HasKey(x => x.Year);
            e.Property(x => x.Year).HasColumnName("year").ValueGeneratedNever();
            e.Property(x => x.Last).HasColumnName("last");
        });
        model.Entity<EchoPost>(e =>
        {
            e.ToTable("echo_posts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id").HasConversion(id => id.Value, v => new EchoPostId(v));
            e.Property(x => x.Text).HasColumnName("text").HasMaxLength(EchoPost.MaxTextLength);
            e.Property(x => x.DisplayName).HasColumnName("display_name").HasMaxLength(EchoPost.MaxDisplayNameLength);
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.PostedAt).HasColumnName("posted_at");
            e.Property(x => x.Hidden).HasColumnName("hidden");
            e.Property(x => x.LinkedRequestId).HasColumnName("linked_request_id");
            e.Property(x => x.LinkedProjectId).HasColumnName("linked_project_id");
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasIndex(x => new { x.Hidden, x.PostedAt });
            e.OwnsMany(x => x.Answers, a =>
            {
                a.ToTable("echo_answers");
                a.WithOwner().HasForeignKey("post_id");
                a.HasKey(x => x.Id);
                a.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
                a.Property(x => x.Text).HasColumnName("text").HasMaxLength(EchoPost.MaxAnswerLength);
                a.Property(x => x.AnsweredBy).HasColumnName("answered_by").HasMaxLength(100);
                a.Property(x => x.AnsweredAt).HasColumnName("answered_at");
            });
            e.Navigation(x => x.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.OwnsMany(x => x.Moderation, m =>
            {
                m.ToTable("echo_moderation");
                m.WithOwner().HasForeignKey("post_id");
                m.Property<int>("id");
                m.HasKey("id");
                m.Property(x => x.Hidden).HasColumnName("hidden");
                m.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(500);
                m.Property(x => x.ModeratedBy).HasColumnName("moderated_by").HasMaxLength(100);
                m.Property(x => x.At).HasColumnName("at");
            });
            e.Navigation(x => x.Moderation).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        model.Entity<SatisfactionRating>(e =>
        {
            e.ToTable("satisfaction_ratings");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ProjectId).HasColumnName("project_id").HasConversion(id => id.Value, v => new ProjectId(v));
            e.Property(x => x.Score).HasColumnName("score");
            e.Property(x => x.Comment).HasColumnName("comment").HasMaxLength(SatisfactionRating.MaxCommentLength);
            e.Property(x => x.HouseholdId).HasColumnName("household_id");
            e.Property(x => x.RatedAt).HasColumnName("rated_at");
            e.HasIndex(x => x.ProjectId);
            e.HasIndex(x => new { x.ProjectId, x.HouseholdId }).IsUnique();
        });
    }
}
