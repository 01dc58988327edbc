using Lishui.Notification.PublicEvents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.PublicEvents.Data.Configurations;

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(40);
        e.HasIndex(x => x.Name).IsUnique();
        e.Property(x => x.Contact).HasMaxLength(200);
        e.Property(x => x.ClientId).HasMaxLength(200);
        e.HasIndex(x => x.ClientId).IsUnique().HasFilter("client_id IS NOT NULL");
        e.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Clearance).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.WebhookUrl).HasMaxLength(2000);
        e.Property(x => x.WebhookSecret).HasMaxLength(100);
        e.Property(x => x.AmqpUser).HasMaxLength(100);
        e.Property(x => x.AmqpQueue).HasMaxLength(200);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.SuspensionReason).HasMaxLength(1000);
        e.Property(x => x.RegisteredBy).HasMaxLength(100);
        e.Property(x => x.ChangedBy).HasMaxLength(100);
    }
}
