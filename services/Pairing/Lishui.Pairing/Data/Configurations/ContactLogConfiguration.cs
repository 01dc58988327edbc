using Lishui.Pairing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Pairing.Data.Configurations;

internal sealed class ContactLogConfiguration : IEntityTypeConfiguration<ContactLog>
{
    public void Configure(EntityTypeBuilder<ContactLog> e)
    {
        e.ToTable("contact_logs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Summary).HasMaxLength(ContactLog.MaxSummaryLength);
        e.HasIndex(x => new { x.MemberPairId, x.ContactedOn });
    }
}
