using Lishui.Notification.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Domain.Notification>
{
    public void Configure(EntityTypeBuilder<Domain.Notification> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(50);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Body).HasMaxLength(4000);
        e.Property(x => x.TraceId).HasMaxLength(32);
        e.Property(x => x.FallbackFrom).HasMaxLength(100);
        e.HasIndex(x => new { x.RecipientId, x.CreatedAt });
        e.HasIndex(x => new { x.SourceEventId, x.Kind, x.RecipientId }).IsUnique();
    }
}
