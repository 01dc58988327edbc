using Lishui.Notification.PublicEvents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.PublicEvents.Data.Configurations;

internal sealed class ReplayConfiguration : IEntityTypeConfiguration<Replay>
{
    public void Configure(EntityTypeBuilder<Replay> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.From).HasColumnName("from_time");
        e.Property(x => x.To).HasColumnName("to_time");
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RequestedBy).HasMaxLength(100);
        e.Property(x => x.Error).HasMaxLength(2000);
        e.HasIndex(x => new { x.SubscriberId, x.RequestedAt });
    }
}
