using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.Data.Configurations;

internal sealed class DeliveryLogEntryConfiguration : IEntityTypeConfiguration<DeliveryLogEntry>
{
    public void Configure(EntityTypeBuilder<DeliveryLogEntry> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(50);
        e.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Outcome).HasMaxLength(30);
        e.Property(x => x.Detail).HasMaxLength(1000);
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.RecipientId, x.At });
        e.HasIndex(x => x.DispatchId);
    }
}
