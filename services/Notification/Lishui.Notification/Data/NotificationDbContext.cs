using Lishui.Notification.Domain;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "notificationdb";

    public DbSet<Domain.Notification> Notifications => Set<Domain.Notification>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddLocalMemberView();
        model.Entity<Domain.Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.RecipientId).HasColumnName("recipient_id");
            e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(50);
            e.Property(x => x.Title).HasColumnName("title").HasMaxLength(200);
            e.Property(x => x.Body).HasColumnName("body").HasMaxLength(4000);
            e.Property(x => x.SourceEventId).HasColumnName("source_event_id");
            e.Property(x => x.TraceId).HasColumnName("trace_id").HasMaxLength(32);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.ReadAt).HasColumnName("read_at");
            e.HasIndex(x => new { x.RecipientId, x.CreatedAt });
            e.HasIndex(x => new { x.SourceEventId, x.Kind, x.RecipientId }).IsUnique();
        });
    }
}
