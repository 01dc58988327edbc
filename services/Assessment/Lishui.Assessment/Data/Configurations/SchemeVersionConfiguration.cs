using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Assessment.Data.Configurations;

internal sealed class SchemeVersionConfiguration : IEntityTypeConfiguration<SchemeVersion>
{
    public void Configure(EntityTypeBuilder<SchemeVersion> e)
    {
        e.HasKey(x => new { x.SchemeId, x.Revision });
        JsonColumn.Of(e.Property(x => x.Content));
        e.Property(x => x.Reason).HasMaxLength(LedgerEntry.MaxReasonLength);
        e.HasOne<Scheme>().WithMany().HasForeignKey(x => x.SchemeId);
    }
}
