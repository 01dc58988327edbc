using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Lishui.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.Data.Configurations;

internal sealed class DispatchConfiguration : IEntityTypeConfiguration<Dispatch>
{
    public void Configure(EntityTypeBuilder<Dispatch> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(50);
        e.Property(x => x.Audience).HasConversion<string>().HasMaxLength(30);
        e.Property(x => x.ContactHeldBy).HasMaxLength(30);
        e.Property(x => x.Values).HasColumnType("jsonb").HasConversion(JsonConversion<string>.Converter, JsonConversion<string>.Comparer);
        e.Property(x => x.NameRefs).HasColumnType("jsonb").HasConversion(JsonConversion<Guid>.Converter, JsonConversion<Guid>.Comparer);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.Property(x => x.TraceId).HasMaxLength(32);
        e.HasIndex(x => new { x.Status, x.DueAt });
        e.HasIndex(x => new { x.RecipientId, x.Status });
        // One message per event, kind and audience, whatever redelivery or expansion does.
        e.HasIndex(x => new { x.SourceEventId, x.Kind, x.Audience, x.RecipientId, x.AudienceOrganisationId, x.SubjectMemberId })
            .IsUnique().AreNullsDistinct(false);
    }
}
