using Lishui.Assessment.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Assessment.Data.Configurations;

internal sealed class ImportedResultConfiguration : IEntityTypeConfiguration<ImportedResult>
{
    public void Configure(EntityTypeBuilder<ImportedResult> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Grade).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.Total).HasPrecision(7, 2);
        e.Property(x => x.Source).HasMaxLength(ImportedResult.MaxSourceLength);
        e.Property(x => x.ImportedBy).HasMaxLength(200);
        // One final result per member and year: the two-year rule reads it by member.
        e.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
        e.HasIndex(x => new { x.Year, x.OrganisationId });
    }
}
