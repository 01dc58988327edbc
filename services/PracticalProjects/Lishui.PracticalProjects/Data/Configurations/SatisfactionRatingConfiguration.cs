using Lishui.PracticalProjects.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.PracticalProjects.Data.Configurations;

internal sealed class SatisfactionRatingConfiguration : IEntityTypeConfiguration<SatisfactionRating>
{
    public void Configure(EntityTypeBuilder<SatisfactionRating> e)
    {
        e.ToTable("satisfaction_ratings");
        e.HasKey(x => x.Id);
        e.Property(x => x.ProjectId).HasConversion(id => id.Value, v => new ProjectId(v));
        e.Property(x => x.Comment).HasMaxLength(SatisfactionRating.MaxCommentLength);
        e.HasIndex(x => x.ProjectId);
        e.HasIndex(x => new { x.ProjectId, x.HouseholdId }).IsUnique();
    }
}
