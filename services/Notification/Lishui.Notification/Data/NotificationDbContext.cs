using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Notification.Domain.Templates;
using Lishui.Shared.Messaging;
using Lishui.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Lishui.Notification.Data;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "notificationdb";

    public DbSet<Domain.Notification> Notifications => Set<Domain.Notification>();

    public DbSet<MessageTemplate> Templates => Set<MessageTemplate>();

    public DbSet<RecipientPreference> Preferences => Set<RecipientPreference>();

    public DbSet<Dispatch> Dispatches => Set<Dispatch>();

    public DbSet<ChannelDelivery> ChannelDeliveries => Set<ChannelDelivery>();

    public DbSet<DeliveryLogEntry> DeliveryLog => Set<DeliveryLogEntry>();

    public DbSet<LocalRole> Roles => Set<LocalRole>();

    public DbSet<LocalOrganisation> Organisations => Set<LocalOrganisation>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.AddMessagingTables();
        model.AddLocalMemberView();
        model.AddAuditTable();
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
            e.Property(x => x.FallbackFrom).HasColumnName("fallback_from").HasMaxLength(100);
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
            e.Property(x => x.Channels).HasColumnName("channels")
                .HasConversion(
                    v => v.Select(c => c.ToString()).ToArray(),
                    v => v.Select(Enum.Parse<DeliveryChannel>).ToList(),
                    new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<DeliveryChannel>>(
                        (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, c) => HashCode.Combine(h, c)), v => v.ToList()))
                .HasColumnType("text[]").HasDefaultValueSql("ARRAY['Email']::text[]");
            // No database default: EF would leave a chosen 00:00 (TimeOnly's default) out of the INSERT
            // and the database would put 22:00/07:00 in its place. The entity starts with the defaults.
            e.Property(x => x.QuietHoursStart).HasColumnName("quiet_hours_start");
            e.Property(x => x.QuietHoursEnd).HasColumnName("quiet_hours_end");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            e.Ignore(x => x.QuietHours);
        });
        model.Entity<Dispatch>(e =>
        {
            e.ToTable("dispatches");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.SourceEventId).HasColumnName("source_event_id");
            e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(50);
            e.Property(x => x.Audience).HasColumnName("audience").HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.RecipientId).HasColumnName("recipient_id");
            e.Property(x => x.AudienceOrganisationId).HasColumnName("audience_organisation_id");
            e.Property(x => x.SubjectMemberId).HasColumnName("subject_member_id");
            e.Property(x => x.ContactHeldBy).HasColumnName("contact_held_by").HasMaxLength(30);
            e.Property(x => x.ContactRequestId).HasColumnName("contact_request_id");
            e.Property(x => x.Values).HasColumnName("values").HasColumnType("jsonb").HasConversion(JsonConversion<string>.Converter, JsonConversion<string>.Comparer);
            e.Property(x => x.NameRefs).HasColumnName("name_refs").HasColumnType("jsonb").HasConversion(JsonConversion<Guid>.Converter, JsonConversion<Guid>.Comparer);
            e.Property(x => x.Urgent).HasColumnName("urgent");
            e.Property(x => x.Digestible).HasColumnName("digestible");
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.DueAt).HasColumnName("due_at");
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(1000);
            e.Property(x => x.NotificationId).HasColumnName("notification_id");
            e.Property(x => x.CombinedInto).HasColumnName("combined_into");
            e.Property(x => x.TraceId).HasColumnName("trace_id").HasMaxLength(32);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.DeliveredAt).HasColumnName("delivered_at");
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => new { x.RecipientId, x.Status });
            // One message per event, kind and audience, whatever redelivery or expansion does.
            e.HasIndex(x => new { x.SourceEventId, x.Kind, x.Audience, x.RecipientId, x.AudienceOrganisationId, x.SubjectMemberId })
                .IsUnique().AreNullsDistinct(false);
        });
        model.Entity<ChannelDelivery>(e =>
        {
            e.ToTable("channel_deliveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.DispatchId).HasColumnName("dispatch_id");
            e.Property(x => x.NotificationId).HasColumnName("notification_id");
            e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(50);
            e.Property(x => x.RecipientId).HasColumnName("recipient_id");
            e.Property(x => x.ContactHeldBy).HasColumnName("contact_held_by").HasMaxLength(30);
            e.Property(x => x.ContactRequestId).HasColumnName("contact_request_id");
            e.Property(x => x.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Title).HasColumnName("title").HasMaxLength(200);
            e.Property(x => x.Body).HasColumnName("body").HasMaxLength(8000);
            e.Property(x => x.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Attempts).HasColumnName("attempts");
            e.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
            e.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(1000);
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.DispatchId, x.Channel }).IsUnique();
        });
        model.Entity<DeliveryLogEntry>(e =>
        {
            e.ToTable("delivery_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.DispatchId).HasColumnName("dispatch_id");
            e.Property(x => x.SourceEventId).HasColumnName("source_event_id");
            e.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(50);
            e.Property(x => x.RecipientId).HasColumnName("recipient_id");
            e.Property(x => x.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Outcome).HasColumnName("outcome").HasMaxLength(30);
            e.Property(x => x.Attempt).HasColumnName("attempt");
            e.Property(x => x.At).HasColumnName("at");
            e.Property(x => x.Detail).HasColumnName("detail").HasMaxLength(1000);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.RecipientId, x.At });
            e.HasIndex(x => x.DispatchId);
        });
        model.Entity<LocalRole>(e =>
        {
            e.ToTable("local_member_roles");
            e.HasKey(x => new { x.MemberId, x.OrganisationId, x.Role });
            e.Property(x => x.MemberId).HasColumnName("member_id");
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.Role).HasColumnName("role").HasMaxLength(30);
            e.Property(x => x.Active).HasColumnName("active");
            e.Property(x => x.Sequence).HasColumnName("sequence");
            e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
            e.HasIndex(x => new { x.OrganisationId, x.Role });
        });
        model.Entity<LocalOrganisation>(e =>
        {
            e.ToTable("local_organisations");
            e.HasKey(x => x.OrganisationId);
            e.Property(x => x.OrganisationId).HasColumnName("organisation_id");
            e.Property(x => x.ParentId).HasColumnName("parent_id");
            e.Property(x => x.Name).HasColumnName("name").HasMaxLength(100);
            e.Property(x => x.Sequence).HasColumnName("sequence");
        });
    }
}

/// <summary>Placeholder maps stored as JSON documents.</summary>
internal static class JsonConversion<T>
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Dictionary<string, T>, string> Converter = new(
        v => System.Text.Json.JsonSerializer.Serialize(v, (System.Text.Json.JsonSerializerOptions?)null),
        v => System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, T>>(v, (System.Text.Json.JsonSerializerOptions?)null) ?? new Dictionary<string, T>());

    public static readonly Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Dictionary<string, T>> Comparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
        v => new Dictionary<string, T>(v));
}
