using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Assessment.Data.Configurations;

internal sealed class SchemeConfiguration : IEntityTypeConfiguration<Scheme>
{
    public void Configure(EntityTypeBuilder<Scheme> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.SubjectType).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Topic).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Total).HasPrecision(7, 2);
        JsonColumn.Of(e.Property(x => x.Dimensions));
        e.Property(x => x.ExcellentFrom).HasPrecision(7, 2);
        e.Property(x => x.QualifiedFrom).HasPrecision(7, 2);
        e.Property(x => x.BasicallyQualifiedFrom).HasPrecision(7, 2);
        e.Property(x => x.ExcellentShareCap).HasPrecision(5, 4);
        JsonColumn.Of(e.Property(x => x.Rules));
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsClosed);
        e.Ignore(x => x.Thresholds);
        e.Ignore(x => x.Content);
        e.HasIndex(x => new { x.OrganisationId, x.Year, x.SubjectType, x.Topic }).IsUnique();
    }
}
