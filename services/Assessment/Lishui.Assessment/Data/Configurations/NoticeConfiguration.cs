using Lishui.Assessment.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Assessment.Data.Configurations;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.FinalisedAt).IsConcurrencyToken(); // finalised once, even under races
        e.Property(x => x.Version).IsConcurrencyToken(); // two objections filed at once: one retries
        e.Ignore(x => x.IsFinal);
        e.HasIndex(x => x.SchemeId).IsUnique();
        e.HasOne<Scheme>().WithMany().HasForeignKey(x => x.SchemeId);
    }
}
