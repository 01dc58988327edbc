using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Assessment.Data.Configurations;

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> e)
    {
        e.ToTable("assessment_results");
        e.HasKey(x => new { x.SchemeId, x.SubjectId });
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Total).HasPrecision(7, 2);
        e.Property(x => x.Scores).HasColumnType("jsonb");
        e.Property(x => x.Grade).HasConversion<string>().HasMaxLength(30);
        e.HasIndex(x => new { x.SchemeId, x.Rank });
        e.HasOne<Scheme>().WithMany().HasForeignKey(x => x.SchemeId);
    }
}
