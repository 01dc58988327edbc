using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.PublicEvents.Data.Configurations;

internal sealed class AmqpOutboxEntryConfiguration : IEntityTypeConfiguration<AmqpOutboxEntry>
{
    public void Configure(EntityTypeBuilder<AmqpOutboxEntry> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Type).HasMaxLength(200);
        e.Property(x => x.LastError).HasMaxLength(2000);
    }
}
