using Lishui.PracticalProjects.Domain.Batches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.PracticalProjects.Data.Configurations;

internal sealed class ProjectBatchConfiguration : IEntityTypeConfiguration<ProjectBatch>
{
    public void Configure(EntityTypeBuilder<ProjectBatch> e)
    {
        e.ToTable("project_batches");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => new { x.Year, x.Number }).IsUnique();
        e.HasIndex(x => x.Name).IsUnique();
    }
}
