using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "notificationdb";

    public DbSet<Domain.Notification> Notifications => Set<Domain.Notification>();

    public DbSet<MessageTemplate> Templates => Set<MessageTemplate>();

    public DbSet<RecipientPreference> Preferences => Set<RecipientPreference>();

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
        model.Entity<MessageTemplate>(e =>
        {
            e.ToTable("message_templates");
            e.HasKey(x => new { x.Key, x.Locale, x.Version });
            e.Property(x => x.Key).HasColumnName("key").HasMaxLength(50);
            e.Property(x => x.Locale).HasColumnName("locale").HasMaxLength(10);
            e.Property(x => x.Version).HasColumnName("version");
            e.Property(x => x.Title).HasColumnName("title").HasMaxLength(MessageTemplate.MaxTitleLength);
            e.Property(x => x.Body).HasColumnName("body").HasMaxLength(MessageTemplate.MaxBodyLength);
            e.Property(x => x.ChangedBy).HasColumnName("changed_by").HasMaxLength(100);
            e.Property(x => x.ChangedAt).HasColumnName("changed_at");
        });
        model.Entity<RecipientPreference>(e =>
        {
            e.ToTable("recipient_preferences");
            e.HasKey(x => x.MemberId);
            e.Property(x => x.MemberId).HasColumnName("member_id");
            e.Property(x => x.Locale).HasColumnName("locale").HasMaxLength(10);
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        });
    }
}
