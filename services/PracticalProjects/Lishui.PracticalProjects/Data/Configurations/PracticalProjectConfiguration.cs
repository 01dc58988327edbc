using Lishui.PracticalProjects.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.PracticalProjects.Data.Configurations;

internal sealed class PracticalProjectConfiguration : IEntityTypeConfiguration<PracticalProject>
{
    public void Configure(EntityTypeBuilder<PracticalProject> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasConversion(id => id.Value, v => new ProjectId(v));
        e.Property(x => x.Title).HasMaxLength(PracticalProject.MaxTitleLength);
        e.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Batch).HasMaxLength(100);
        e.Property(x => x.Domain).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.ResponsibleCadre).HasMaxLength(100);
        e.Property(x => x.Location).HasMaxLength(200);
        e.Property(x => x.Budget).HasPrecision(14, 2);
        e.Property(x => x.FundingSource).HasMaxLength(100);
        e.Property(x => x.ParentId)
            .HasConversion(id => id.HasValue ? id.Value.Value : (Guid?)null, v => v.HasValue ? new ProjectId(v.Value) : null);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SuspendedFrom).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Village).HasMaxLength(50);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.ParentId);
        e.HasIndex(x => x.Village);
        e.HasIndex(x => x.ResponsibleOrganisationId);
        e.OwnsMany(x => x.Grants, g =>
        {
            g.ToTable("project_grants");
            g.WithOwner().HasForeignKey("project_id");
            g.HasKey(x => x.Id);
            g.Property(x => x.Id).ValueGeneratedNever();
            g.Property(x => x.Amount).HasPrecision(14, 2);
            g.Property(x => x.FundingSource).HasMaxLength(100);
            g.Property(x => x.GrantedBy).HasMaxLength(100);
            g.Property(x => x.OverrideReason).HasMaxLength(500);
        });
        e.Navigation(x => x.Grants).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.OwnsMany(x => x.Milestones, m =>
        {
            m.ToTable("project_milestones");
            m.WithOwner().HasForeignKey("project_id");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Name).HasMaxLength(PracticalProject.MaxMilestoneNameLength);
            m.Property(x => x.RecordedBy).HasMaxLength(100);
        });
        e.Navigation(x => x.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.OwnsMany(x => x.Updates, u =>
        {
            u.ToTable("project_updates");
            u.WithOwner().HasForeignKey("project_id");
            u.HasKey(x => x.Id);
            u.Property(x => x.Id).ValueGeneratedNever();
            u.Property(x => x.Text).HasMaxLength(PracticalProject.MaxUpdateLength);
            u.Property(x => x.PublishedBy).HasMaxLength(100);
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
            r.Property(x => x.Reason).HasMaxLength(500);
            r.Property(x => x.ReportedBy).HasMaxLength(100);
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
            h.Property(c => c.Reason).HasMaxLength(500);
            h.Property(c => c.DecidedBy).HasMaxLength(100);
        });
        e.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
