using Lishui.PracticalProjects.Domain.Opinions;
using Lishui.PracticalProjects.Domain.Projects;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.PracticalProjects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "projectsdb";

    public DbSet<PracticalProject> Projects => Set<PracticalProject>();

    public DbSet<OpinionCollection> OpinionCollections => Set<OpinionCollection>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddLocalMemberView();
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
            e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
            e.HasIndex(x => x.ParentId);
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
                p.HasIndex("collection_id", nameof(HouseholdPosition.HouseholdId), nameof(HouseholdPosition.Revision)).IsUnique();
            });
            e.Navigation(x => x.Positions).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
    }
}
