using Lishui.Notification.Domain;
using Lishui.Notification.Domain.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.Data.Configurations;

internal sealed class RecipientPreferenceConfiguration : IEntityTypeConfiguration<RecipientPreference>
{
    public void Configure(EntityTypeBuilder<RecipientPreference> e)
    {
        e.ToTable("recipient_preferences");
        e.HasKey(x => x.MemberId);
        e.Property(x => x.Locale).HasMaxLength(10);
        e.Property(x => x.Channels)
            .HasConversion(
                v => v.Select(c => c.ToString()).ToArray(),
                // A lambda, not the method group: the compiled model can only write out lambdas.
                v => v.Select(c => Enum.Parse<DeliveryChannel>(c)).ToList(),
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<DeliveryChannel>>(
                    (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, c) => HashCode.Combine(h, c)), v => v.ToList()))
            .HasColumnType("text[]").HasDefaultValueSql("ARRAY['Email']::text[]");
        // No database default: EF would leave a chosen 00:00 (TimeOnly's default) out of the INSERT
        // and the database would put 22:00/07:00 in its place. The entity starts with the defaults.
        e.Ignore(x => x.QuietHours);
    }
}
