using Lishui.Notification.PublicEvents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lishui.Notification.PublicEvents.Data.Configurations;

internal sealed class SubscriberNoticeConfiguration : IEntityTypeConfiguration<SubscriberNotice>
{
    public void Configure(EntityTypeBuilder<SubscriberNotice> e)
    {
        e.ToTable("subscriber_notices");
        e.HasKey(x => x.Id);
        e.Property(x => x.Kind).HasMaxLength(50);
        e.Property(x => x.MessageZh).HasMaxLength(2000);
        e.Property(x => x.MessageEn).HasMaxLength(2000);
        e.HasIndex(x => new { x.SubscriberId, x.CreatedAt });
    }
}
